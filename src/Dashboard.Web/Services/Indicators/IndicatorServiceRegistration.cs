using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Charts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Services.Indicators;

/// <summary>The overview, indicator page and exception list services. Stateless singletons except the audited list (per request).</summary>
public static class IndicatorServiceRegistration
{
    public static IServiceCollection AddIndicatorPages(this IServiceCollection services)
    {
        services.AddSingleton<ScopeSeriesQueries>();
        services.AddSingleton<CachedScopeSeries>();
        // Stored figures for the pages, by load: a few hundred reads of a few KB each at most.
        services.AddMemoryCache(o => o.SizeLimit = 2_000);
        services.AddSingleton<IndicatorFigures>();
        services.AddSingleton<IndicatorScopes>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<IndicatorPageService>();
        services.AddSingleton<ThresholdConsistencyService>();
        services.AddScoped<ExceptionListService>();
        services.AddSingleton<AgencyAttendanceService>();
        // Drawn charts by load, scope, period and view; the settings are registered by the app (ChartCacheSettings.From).
        services.TryAddSingleton(ChartCacheSettings.Default);
        services.AddSingleton<ChartCache>();
        services.AddSingleton<ChartCacheWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<ChartCacheWarmer>());
        services.TryAddSingleton<FindingEvidenceQueries>();
        return services;
    }
}

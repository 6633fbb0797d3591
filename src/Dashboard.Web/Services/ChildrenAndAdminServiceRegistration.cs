using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Web.Services.Admin;
using Dashboard.Web.Services.Children;
using Dashboard.Web.Services.DataQuality;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Services;

/// <summary>The services behind the child timeline, data quality and admin pages.</summary>
public static class ChildrenAndAdminServiceRegistration
{
    public static IServiceCollection AddChildrenDataQualityAndAdmin(this IServiceCollection services)
    {
        services.AddSingleton<QuarantineQueries>();
        // Scoped: they write to the audit trail, which reads the request's user.
        services.AddScoped<ChildTimelineService>();
        services.AddScoped<DataQualityService>();
        // The running load's progress, read by the data quality page's live panel (whose process is checked on this machine).
        services.TryAddSingleton(LoadProgressSettings.Default);
        services.TryAddSingleton<IProcessProbe>(OperatingSystemProcessProbe.Instance);
        services.AddSingleton(sp => new LiveLoadService(LoadProgressBoards.For(sp.GetRequiredService<IConnectionFactory>()),
            sp.GetRequiredService<IProcessProbe>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<LoadProgressSettings>(),
            sp.GetRequiredService<LoadAuditQueries>()));
        services.AddSingleton<ReturnSourceQueries>();
        services.AddScoped<ReturnSourcesService>();
        services.AddScoped<AdminService>();
        return services;
    }
}

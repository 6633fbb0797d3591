namespace Dashboard.Web.Services;

/// <summary>The services pages read through. Each applies the access rules (<see cref="Security.Viewer"/>) itself.</summary>
public static class DataServiceRegistration
{
    public static IServiceCollection AddDashboardDataServices(this IServiceCollection services)
    {
        services.AddSingleton<DataFreshness>();
        Themes.ThemesRegistration.AddThemes(services);
        services.AddChildrenDataQualityAndAdmin();
        Indicators.IndicatorServiceRegistration.AddIndicatorPages(services);
        Packs.PackServiceRegistration.AddPacks(services);
        return services;
    }
}

namespace Dashboard.Web.Endpoints;

/// <summary>The non-page endpoints: CSV exports and the form posts that change something.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapThemesEndpoints();
        endpoints.MapIndicatorExportEndpoints();
        endpoints.MapChartImageEndpoints();
        endpoints.MapPackEndpoints();
        return endpoints;
    }
}

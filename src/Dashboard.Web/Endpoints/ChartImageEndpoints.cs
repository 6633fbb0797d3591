using Dashboard.Charts;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Charts;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// "Download chart (PNG)" for an indicator page's charts: the same service, with the same viewer, query values and
/// checks, builds the page's model (a scope the viewer may not see is a 403, audited by the middleware; a bad month or
/// length is the same 400 the page gives), and the chart with the id asked for is sent as the PNG ScottPlot draws, kept in
/// the chart cache under the page's key for the chart.
/// </summary>
public static class ChartImageEndpoints
{
    public static IEndpointRouteBuilder MapChartImageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/indicators/{id}/charts/{chart}.png", IndicatorChartAsync).RequireAuthorization()
            .RequireRateLimiting(DashboardWebApp.ExportRateLimit);
        return endpoints;
    }

    /// <summary>The link the page prints under <paramref name="chart"/>, carrying the page's own filters.</summary>
    public static string IndicatorChartUrl(string indicatorId, ChartSpec chart, (string Name, string? Value)[] filters) =>
        QueryLinks.With($"/indicators/{Uri.EscapeDataString(indicatorId)}/charts/{chart.Id}.png", filters);

    private static async Task<IResult> IndicatorChartAsync(HttpContext context, string id, string chart, string? period, string? length, string? area,
        string? team, IndicatorPageService pages, ChartCache charts, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var model = await pages.GetAsync(viewer, id, period, length, area, team, cancellationToken);
        if (model is null) return Results.NotFound();
        var found = new[] { model.SpcChart, model.TeamChart, model.TeamFunnel, model.WorkerFunnel }
            .FirstOrDefault(c => c is not null && string.Equals(c.Id, chart, StringComparison.Ordinal));
        if (found is null) return Results.NotFound();
        // Figures about children's services: not kept by a browser or proxy cache, as the page itself is not.
        context.Response.Headers.CacheControl = "no-store";
        var png = model.ChartKeys.TryGetValue(found.Id, out var key) ? charts.Png(key, found) : found.Png();
        return Results.File(png, "image/png", $"{found.Id}.png");
    }
}

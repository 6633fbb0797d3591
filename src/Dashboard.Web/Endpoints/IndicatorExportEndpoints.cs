using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Endpoints;

/// <summary>The exception list as CSV: rate limited like every export; the service checks access and audits it.</summary>
public static class IndicatorExportEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/indicators/{id}/exceptions.csv", ExportAsync).RequireAuthorization().RequireRateLimiting(DashboardWebApp.ExportRateLimit);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, string id, string? period, string? team, string? q, string? sort, string? dir,
        ExceptionListService exceptions, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var file = await exceptions.ExportAsync(viewer, ExceptionQueryValues.Read(id, period, team, "team", q, sort, dir, page: null), cancellationToken);
        if (file is not { } f) return Results.NotFound();
        // Child-level data: never kept by a browser or proxy cache.
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(f.Content, "text/csv; charset=utf-8", f.FileName);
    }
}

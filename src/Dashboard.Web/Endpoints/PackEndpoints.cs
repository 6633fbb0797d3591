using Dashboard.Web.Security;
using Dashboard.Web.Services.Packs;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// The Packs page's form: makes the pack and sends it as a download, or goes back to the page with a code saying why
/// it could not be made. A POST (with antiforgery) because making a pack is work the server should not do for a
/// link someone followed; rate limited like every export; the service checks access and audits it.
/// </summary>
public static class PackEndpoints
{
    public static IEndpointRouteBuilder MapPackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/packs/make", MakeAsync).RequireAuthorization().RequireRateLimiting(DashboardWebApp.ExportRateLimit);
        return endpoints;
    }

    private static async Task<IResult> MakeAsync(HttpContext context, [FromForm] string? pack, [FromForm] string? month, [FromForm] string? format,
        [FromForm] string? length, [FromServices] PackService packs, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(context.User);
        var result = await packs.MakeAsync(viewer, pack, month, format, length, cancellationToken);
        if (result.Download is not { } file)
        {
            var known = PackService.TryKind(pack, out var kind) ? Reports.Packs.Name(kind) : null;
            return Results.Redirect(Services.Indicators.QueryLinks.With("/packs", ("pack", known), ("error", result.Problem)));
        }
        // Annex A lists children: never kept by a browser or proxy cache (nor the councillor pack, for simplicity).
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}

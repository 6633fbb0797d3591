using System.Data.Common;
using System.Reflection;
using Dashboard.Data.Audit;
using Dashboard.Web.Services;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// <c>/health</c>, for the council's monitoring and load balancer: anonymous, so it says only whether the dashboard can
/// serve (the warehouse answers), how old the last successful load is, and which version runs. No figures, no names,
/// no connection details. 503 when the warehouse cannot be reached, so a probe that reads only the status code works.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    /// <summary>The product version (the assembly's informational version, as set at build).</summary>
    public static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthEndpoint).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ReportAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(
        HttpContext context, WarehouseReadiness readiness, LoadAuditQueries audit, TimeProvider time, CancellationToken ct)
    {
        // A monitor must see the present, never a proxy's copy.
        context.Response.Headers.CacheControl = "no-store";
        if (!await readiness.IsReadyAsync(ct))
        {
            return Results.Json(new HealthReport("unavailable", false, null, null, Version), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var loadedAt = await LastSuccessfulLoadAsync(audit, ct);
        var age = loadedAt is { } at ? (long)Math.Floor((time.GetUtcNow() - at).TotalMinutes) : (long?)null;
        return Results.Json(new HealthReport("ok", true, loadedAt, age, Version));
    }

    /// <summary>When the last successful load finished; null before the first (or on a warehouse not yet migrated).</summary>
    private static async Task<DateTimeOffset?> LastSuccessfulLoadAsync(LoadAuditQueries audit, CancellationToken ct)
    {
        try
        {
            return await audit.LastSucceededAsync(ct) is { } run ? (run.FinishedAt ?? run.StartedAt).ToUniversalTime() : null;
        }
        catch (DbException)
        {
            return null;
        }
    }
}

/// <summary>The body of <c>/health</c>: status is "ok" or "unavailable"; the load's age is in whole minutes.</summary>
public sealed record HealthReport(
    string Status, bool WarehouseReachable, DateTimeOffset? LastSuccessfulLoadAt, long? LastSuccessfulLoadAgeMinutes, string Version);

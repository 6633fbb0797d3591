using Dashboard.Data.Audit;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services;

/// <summary>How fresh the figures are: the last good load, and whether it is older than the setting allows.</summary>
public sealed record Freshness(LoadRun? LastGoodLoad, bool IsStale, TimeSpan? Age)
{
    /// <summary>"Figures from the load that finished 23 Nov 2026 02:14 (extract as at 22 Nov 2026)".</summary>
    public string Describe() => LastGoodLoad is { } run
        ? $"Figures from the load that finished {run.FinishedAt ?? run.StartedAt:d MMM yyyy HH:mm} UTC (extract as at {run.AsOfDate:d MMM yyyy})"
        : "No load has finished yet";
}

/// <summary>
/// Reads the last good load for the banner every page shows, and so the load the pages' caches are keyed by
/// (CachedScopeSeries, the chart cache). Cached for two seconds: the banner is on every request, and one read of the
/// last good load (a step down etl_load's key) every two seconds costs nothing beside a page's own reads, while a
/// nightly run's figures then show on the first page read after its commit, not half a minute later.
/// </summary>
public sealed class DataFreshness(LoadAuditQueries audit, TimeProvider clock, WebSecuritySettings settings)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, LoadRun? Run)? _cached;

    public async Task<Freshness> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        (DateTimeOffset ReadAt, LoadRun? Run)? cached;
        lock (_gate) cached = _cached;
        if (cached is not { } c || now - c.ReadAt > CacheFor)
        {
            var run = await audit.LastSucceededAsync(cancellationToken);
            c = (now, run);
            lock (_gate) _cached = c;
        }
        if (c.Run is not { } last) return new Freshness(null, true, null);
        var age = now - (last.FinishedAt ?? last.StartedAt);
        return new Freshness(last, age > settings.StaleAfter, age);
    }
}

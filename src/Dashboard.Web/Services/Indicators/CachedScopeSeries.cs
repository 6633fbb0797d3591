using Dashboard.Core.Indicators;
using Dashboard.Data.Indicators;
using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// The stored figures the overview and indicator pages read, cached until the next load. They change only when a
/// nightly load finishes, and in the morning many people open the same pages, so each read is keyed by the last
/// good load's id: a new load makes new keys at once (within the freshness check's half minute) and the old entries
/// age out. Only viewer-independent reads are cached; access rules and suppression are applied after, per request.
/// </summary>
public sealed class CachedScopeSeries(ScopeSeriesQueries queries, IMemoryCache cache, DataFreshness freshness)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Task<IReadOnlyList<StoredIndicator>> ScopeAsync(string level, string id, string fromPeriod, string toPeriod, CancellationToken cancellationToken = default) =>
        GetAsync($"scope|{level}|{id}|{fromPeriod}|{toPeriod}", ct => queries.ScopeAsync(level, id, fromPeriod, toPeriod, ct), cancellationToken);

    public Task<IReadOnlyList<StoredIndicator>> LevelAsync(string indicatorId, string level, string fromPeriod, string toPeriod, CancellationToken cancellationToken = default) =>
        GetAsync($"level|{indicatorId}|{level}|{fromPeriod}|{toPeriod}", ct => queries.LevelAsync(indicatorId, level, fromPeriod, toPeriod, ct), cancellationToken);

    public Task<IReadOnlyList<string>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("periods", queries.PeriodsAsync, cancellationToken);

    /// <summary>The months offered (latest complete by default, the running month labelled); null before the first load.</summary>
    public Task<ReportingMonths?> ReportingMonthsAsync(Month? fixedStart, CancellationToken cancellationToken = default) =>
        GetAsync($"months|{fixedStart}", ct => queries.ReportingMonthsAsync(fixedStart, ct), cancellationToken);

    public Task<IReadOnlyList<TeamInfo>> TeamsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("teams", queries.TeamsAsync, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> WorkerTeamsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("worker-teams", queries.WorkerTeamsAsync, cancellationToken);

    /// <summary>The load the reads above are keyed by (0 before the first), for caches of what is made from them (drawn charts).</summary>
    public async Task<long> LoadIdAsync(CancellationToken cancellationToken = default) =>
        (await freshness.GetAsync(cancellationToken)).LastGoodLoad?.LoadId ?? 0;

    private async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var load = await LoadIdAsync(cancellationToken);
        var fullKey = (load, key);
        if (cache.TryGetValue(fullKey, out T? hit) && hit is not null) return hit;
        var value = await read(cancellationToken);
        cache.Set(fullKey, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Lifetime });
        return value;
    }
}

using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Services.Charts;

/// <summary>
/// Draws the charts the morning's first viewers will ask for before they ask: the overview and every indicator page at
/// council level, for the latest complete month at the council's default length, once for each role's view (a
/// councillor's suppressed charts and a director's exact ones are separate entries). It runs inside the server, whose
/// memory the cache is, on start and whenever the last good load changes (seen within the freshness check's half
/// minute), so a nightly load committed by `dashboard schedule` or `dashboard etl` in another process is never delayed
/// by it. Managers are left out: each manager's view is their own teams, drawn on their first visit.
/// </summary>
public sealed class ChartCacheWarmer(ChartCacheSettings settings, CachedScopeSeries queries, OverviewService overview,
    IndicatorPageService pages, ILogger<ChartCacheWarmer> log) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    /// <summary>Roles whose view of the council's charts is the same for every holder (managers' differ by team).</summary>
    private static readonly AppRole[] Roles = [.. Enum.GetValues<AppRole>().Where(r => r != AppRole.Manager)];

    private long _warmedLoad;

    /// <summary>
    /// Draws the council-level charts of the current last good load, unless that load is already warmed or none has
    /// finished; returns the number of pages built (0 when nothing was to do).
    /// </summary>
    public async Task<int> WarmAsync(CancellationToken cancellationToken)
    {
        var load = await queries.LoadIdAsync(cancellationToken);
        if (load == 0 || load == Interlocked.Read(ref _warmedLoad)) return 0;
        var pagesBuilt = 0;
        // Roles with the same view (director, improvement lead, analyst) share entries: the second finds them drawn.
        foreach (var role in Roles)
        {
            var viewer = new Viewer($"chart-cache-warmer-{role}", "Chart cache warming", role, new HashSet<string>());
            await overview.GetAsync(viewer, null, null, null, cancellationToken);
            pagesBuilt++;
            foreach (var indicator in IndicatorCatalogue.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await pages.GetAsync(viewer, indicator.Definition.Id, null, null, null, cancellationToken);
                pagesBuilt++;
            }
        }
        Interlocked.Exchange(ref _warmedLoad, load);
        return pagesBuilt;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Warm || settings.Megabytes == 0) return;
        // Let the server finish starting before drawing on its two cores.
        await Task.Yield();
        using var timer = new PeriodicTimer(CheckEvery);
        do
        {
            try
            {
                var started = Environment.TickCount64;
                var built = await WarmAsync(stoppingToken);
                if (built > 0) ChartCacheLog.Warmed(log, built, Environment.TickCount64 - started);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A warehouse being replaced or a load half-visible: pages draw on demand and the next tick tries again.
                ChartCacheLog.Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

internal static partial class ChartCacheLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Chart cache warmed: {Pages} pages' charts drawn in {Milliseconds} ms.")]
    public static partial void Warmed(ILogger logger, int pages, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart cache warming failed; pages draw their charts when asked.")]
    public static partial void Failed(ILogger logger, Exception exception);
}

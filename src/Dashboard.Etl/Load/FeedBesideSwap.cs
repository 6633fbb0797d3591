using System.Data.Common;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data.Indicators;

namespace Dashboard.Etl.Load;

/// <summary>
/// Builds the engine's input from the rows a run staged on a thread of its own, started at the top of the swap
/// transaction: it needs no connection, so it runs on the second core while the swap's SQL runs on the run's thread
/// (SQLite runs a statement on one core). What it needs from the warehouse (the run's as-of date, its returns) is read
/// before it starts; which sources carry a warning is what etl_load_table will record (the caller's counters write it).
/// No collection is forced beside it: a full compacting one (0.4 s) took the swap from 2.4-2.5 s to 2.9-3.0 s on the
/// large council, the two threads contending for the memory the swap copies through, to save 0.1 GiB of the run's peak
/// (1.19 against 1.28-1.29 GiB, under its 1.5 GiB limit; docs/performance.md).
/// </summary>
internal static class FeedBesideSwap
{
    /// <summary>Reads what the feed needs through <paramref name="transaction"/>, then starts building it; await the task for it.</summary>
    public static async Task<Task<IndicatorStep.Feed>> StartAsync(
        LoadedFacts loaded, DbConnection connection, DbTransaction transaction, long loadId, IReadOnlyCollection<string> warned,
        IndicatorSettings settings, int? exceptionMonths, CancellationToken ct)
    {
        var run = await CaseFactsReader.ReadRunAsync(connection, transaction, loadId, warned, ct);
        return Task.Factory.StartNew(() =>
            {
                // The records are built here, beside the swap, from the rows staging kept (LoadedFacts); the feed's time includes them.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var facts = loaded.ToCaseFacts(run);
                return IndicatorStep.Feed.Build(facts, loaded.ChildKeys, settings, exceptionMonths, clock.Elapsed);
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Collects the load's garbage (staging rows, the released id sets) before the indicator step reads the facts back
    /// (<c>IndicatorInput.ReadBack</c>, where nothing runs beside the swap), not on top of the engine's peak. The large
    /// object heap too: the load's big arrays (row batches, id sets) leave holes there that the engine's own large arrays
    /// would not fit, which would raise the peak. Returns how long it took.
    /// </summary>
    public static TimeSpan CollectLoadGarbage(TimeProvider time)
    {
        var started = time.GetTimestamp();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return time.GetElapsedTime(started);
    }
}

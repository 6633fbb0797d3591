namespace Dashboard.Etl;

/// <summary>
/// Where one run's time went, phase by phase (docs/performance.md). Prepare (migrations, seeds, the lock, the run
/// row, opening the source) is the rest of <see cref="EtlRunResult.Elapsed"/>. The indicator step's four parts (with
/// <see cref="FeedWait"/> in place of the feed when that was built beside the swap) add up to
/// <see cref="EtlRunResult.IndicatorElapsed"/> (to within the clock's reads): the engine's output is streamed, so
/// computing and storing alternate, and each part is the time spent in it.
/// </summary>
public sealed record EtlPhaseTimes
{
    /// <summary>Reading the source, validating, conforming and writing the staging tables (two threads).</summary>
    public TimeSpan Stage { get; init; }

    /// <summary>The garbage collections during <see cref="Stage"/> (the whole process's): how many of each generation, and
    /// how long they paused the threads. The staging phase's collections cost what survives them (docs/performance.md).</summary>
    public GcActivity StageGc { get; init; } = GcActivity.None;

    /// <summary>The swap of every target, the quarantine rows and etl_load_table, in the run's transaction.</summary>
    public TimeSpan Swap { get; init; }

    /// <summary>The full, compacting collection of the load's garbage before the indicator step reads the facts back (only
    /// when the input is not built beside the swap: see <see cref="FeedBesideSwap"/>).</summary>
    public TimeSpan Collect { get; init; }

    /// <summary>Committing the run's transaction (on SQLite: the last pages and the commit written to the write-ahead log).</summary>
    public TimeSpan Commit { get; init; }

    /// <summary>The write-ahead log's checkpoint after the commit (SQLite; the new figures are already readable).</summary>
    public TimeSpan Checkpoint { get; init; }

    /// <summary>Building the engine's input (<c>CaseFacts</c>) and the lookups the stored rows need (beside the swap when
    /// <see cref="FeedBesideSwap"/>).</summary>
    public TimeSpan IndicatorFeed { get; init; }

    /// <summary>
    /// True when the engine's input was built from the loaded rows on a second thread while the swap ran:
    /// <see cref="IndicatorFeed"/> then overlaps <see cref="Swap"/>, the indicator step spends only <see cref="FeedWait"/> on
    /// it, and no collection is forced (<see cref="Collect"/> is zero).
    /// </summary>
    public bool FeedBesideSwap { get; init; }

    /// <summary>How long the indicator step waited, once the swap was done, for the input built beside it.</summary>
    public TimeSpan FeedWait { get; init; }

    /// <summary>The engine: every indicator, month and scope, and turning its output into rows.</summary>
    public TimeSpan IndicatorCompute { get; init; }

    /// <summary>Emptying and writing fact_indicator, its indexes included.</summary>
    public TimeSpan IndicatorFigures { get; init; }

    /// <summary>Emptying and writing fact_indicator_exception, its indexes included.</summary>
    public TimeSpan IndicatorExceptions { get; init; }
}

/// <summary>The process's garbage collections over a stretch of a run: counts by generation and the total pause.</summary>
public sealed record GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    public static readonly GcActivity None = new(0, 0, 0, TimeSpan.Zero);

    /// <summary>The process's totals so far; subtract an earlier reading with <see cref="Since"/>.</summary>
    public static GcActivity Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public GcActivity Since(GcActivity earlier) =>
        new(Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2, Pause - earlier.Pause);
}

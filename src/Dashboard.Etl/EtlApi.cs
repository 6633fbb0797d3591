using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;

namespace Dashboard.Etl;

/// <summary>What one ETL run loads from where, and how.</summary>
/// <param name="Source">The council's SSD-shaped reporting database (read only).</param>
/// <param name="Warehouse">The star-schema warehouse the run loads into.</param>
public sealed record EtlOptions(DatabaseTarget Source, DatabaseTarget Warehouse)
{
    /// <summary>manual | schedule | retry | bench; recorded in etl_load_run.</summary>
    public string TriggerKind { get; init; } = "manual";

    /// <summary>The run's "today": no event may be later (unless its column allows the future).
    /// Default: today's local date from the runner's <see cref="TimeProvider"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The warehouse lock's lease: renewed every quarter of it while the run is alive, so a run that died on
    /// another machine blocks the next for at most this long (one on the same machine is taken over at once).</summary>
    public TimeSpan LockLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The council's indicator settings (standards, targets); null: the documented defaults
    /// (<see cref="IndicatorSettings.Default"/>, reports/settings/indicator-defaults.json).</summary>
    public IndicatorSettings? Indicators { get; init; }

    /// <summary>How many months (ending with the run's month) keep their indicator exception rows; null: every month.
    /// Default 13: this month and the same month last year (docs/etl.md).</summary>
    public int? ExceptionMonths { get; init; } = 13;

    /// <summary>Where the nightly indicator step takes the engine's input from: the rows this run has just validated and
    /// staged (the default, and the faster), or the facts read back from the warehouse through the run's transaction
    /// (the earlier way, kept so tests can prove the two give the same figures and exception rows).</summary>
    public IndicatorInput IndicatorInput { get; init; } = IndicatorInput.LoadedRows;

    /// <summary>Tests only: a hook that may throw at a named stage to prove a failure changes nothing.</summary>
    public IEtlFaultInjector? Faults { get; init; }
}

/// <summary>Where the nightly indicator step takes the engine's input from (<see cref="EtlOptions.IndicatorInput"/>).</summary>
public enum IndicatorInput
{
    /// <summary>The rows the run has just validated and staged: what the swap made the warehouse's facts.</summary>
    LoadedRows,
    /// <summary>Every fact read back from the warehouse, joined to its dimensions, through the run's transaction.</summary>
    ReadBack,
}

/// <summary>The stages of a run, in order. Extract, Validate and Stage run table by table, streaming.</summary>
public enum EtlStage
{
    /// <summary>Migrate and seed the warehouse, take the lock, record the run as running.</summary>
    Prepare,
    /// <summary>Check the source's tables and columns, then read one table.</summary>
    Extract,
    /// <summary>Check every row of one table against the source contract.</summary>
    Validate,
    /// <summary>Build a dimension (dim_child, dim_team, dim_worker) or a derived fact (fact_strategy_discussion).</summary>
    Conform,
    /// <summary>Write one target's rows into its session staging table.</summary>
    Stage,
    /// <summary>Replace one target's changed rows inside the single swap transaction.</summary>
    Swap,
    /// <summary>Compute every indicator from the swapped-in facts and replace fact_indicator and
    /// fact_indicator_exception, still inside the swap transaction (after etl_load_table is written). Faults fire on
    /// entry (table null) and once both tables are written (table "fact_indicator").</summary>
    Indicators,
    /// <summary>Write etl_load_table and close the run, still inside the swap transaction.</summary>
    Audit,
}

/// <summary>Tests only: called at each stage (with the table when there is one); throwing fails the run there.</summary>
public interface IEtlFaultInjector
{
    void At(EtlStage stage, string? table);
}

/// <summary>Where a run is: the stage, the table, and the fraction (0..1) of the whole run done.</summary>
public sealed record EtlProgress(string Stage, string? Table, double Fraction);

/// <summary>One source table within a run. Always RowsRead = RowsLoaded + RowsQuarantined (rejected rows).</summary>
/// <param name="RowsInserted">Target rows written by the swap (new or changed).</param>
/// <param name="RowsDeleted">Target rows removed by the swap (gone from the source, or replaced by a changed row).</param>
/// <param name="UnknownReferences">Optional references that did not resolve, loaded with the unknown member.</param>
/// <param name="Warning">Set for an absent or empty extension table, or an empty early help table.</param>
public sealed record EtlTableResult(
    string SourceTable, string TargetTable, long RowsRead, long RowsLoaded, long RowsQuarantined,
    long RowsInserted, long RowsDeleted, long UnknownReferences, TimeSpan Elapsed, string? Warning)
{
    /// <summary>Loaded rows with at least one optional field repaired (emptied; the original is in the quarantine).
    /// Part of <see cref="RowsLoaded"/>, not of <see cref="RowsQuarantined"/>, which counts rejected rows.</summary>
    public long RowsRepaired { get; init; }
}

/// <summary>The outcome of a run that succeeded (a failed run throws <see cref="EtlException"/>).</summary>
public sealed record EtlRunResult(
    long LoadId, string Status, TimeSpan Elapsed, IReadOnlyList<EtlTableResult> Tables, IReadOnlyList<string> Warnings)
{
    /// <summary>Time spent computing and storing the indicators (part of <see cref="Elapsed"/>).</summary>
    public TimeSpan IndicatorElapsed { get; init; }

    /// <summary>fact_indicator rows written by the run.</summary>
    public long IndicatorRows { get; init; }

    /// <summary>fact_indicator_exception rows written by the run.</summary>
    public long ExceptionRows { get; init; }

    /// <summary>Where the time went, phase by phase (for <c>dashboard bench etl</c>).</summary>
    public EtlPhaseTimes Phases { get; init; } = new();

    public long RowsRead => Tables.Sum(t => t.RowsRead);
    public long RowsQuarantined => Tables.Sum(t => t.RowsQuarantined);
    public long RowsRepaired => Tables.Sum(t => t.RowsRepaired);
}

/// <summary>A run that failed, with one clear sentence for the user. The warehouse is unchanged.</summary>
public sealed class EtlException(string message, Exception? inner = null) : Exception(message, inner);

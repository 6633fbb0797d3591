using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Load;

/// <summary>The running figures of one source table within a run.</summary>
internal sealed class TableCounter(string sourceTable, string targetTable, TimeProvider time)
{
    private long _elapsedTicks;
    private long _startedAt;

    public string SourceTable { get; } = sourceTable;
    public string TargetTable { get; } = targetTable;
    public long Read { get; set; }
    public long Loaded { get; set; }
    public long Quarantined { get; set; }
    public long Repaired { get; set; }
    public long Unknown { get; set; }
    public long Inserted { get; set; }
    public long Deleted { get; set; }
    public string? Warning { get; set; }

    /// <summary>Rejected rows and repaired fields not yet written to the quarantine's staging table.</summary>
    public List<QuarantineRecord> Pending { get; } = [];

    public void StartClock() => _startedAt = time.GetTimestamp();

    public void StopClock() => _elapsedTicks += time.GetElapsedTime(_startedAt).Ticks;

    public void AddElapsed(TimeSpan elapsed) => _elapsedTicks += elapsed.Ticks;

    public EtlTableResult ToResult() => new(
        SourceTable, TargetTable, Read, Loaded, Quarantined, Inserted, Deleted, Unknown, TimeSpan.FromTicks(_elapsedTicks), Warning)
    {
        RowsRepaired = Repaired,
    };
}

/// <summary>Where the run is, for fault injection, progress and the message of an unexpected failure.</summary>
internal sealed class RunPosition(IProgress<EtlProgress>? progress, IEtlFaultInjector? faults)
{
    private readonly Lock _reporting = new();
    private double _lastFraction;
    private long _totalRows = 1;
    private long _rowsDone;
    private int _swapsDone;
    private int _swapsTotal = 1;

    public EtlStage Stage { get; private set; } = EtlStage.Prepare;
    public string? Table { get; private set; }

    /// <summary>Moves to a stage and table, reports progress, then lets an injected fault fire there.</summary>
    public void Enter(EtlStage stage, string? table, bool inject = true)
    {
        Stage = stage;
        Table = table;
        Report();
        if (inject) faults?.At(stage, table);
    }

    public void ExpectRows(long rows) => _totalRows = Math.Max(rows, 1);

    public void ExpectSwaps(int swaps) => _swapsTotal = Math.Max(swaps, 1);

    /// <summary>Counts rows read; reports progress every 65,536 rows.</summary>
    public void RowRead()
    {
        if ((++_rowsDone & 0xFFFF) == 0) Report();
    }

    public void SwapDone() => _swapsDone++;

    public void Finished()
    {
        lock (_reporting) progress?.Report(new EtlProgress(EtlStage.Audit.ToString(), null, 1.0));
    }

    private void Report()
    {
        if (progress is null) return;
        // The read/validate worker and the writing thread both report: one at a time, and never backwards.
        lock (_reporting)
        {
            var fraction = Stage switch
            {
                EtlStage.Prepare => 0.01,
                EtlStage.Swap => 0.80 + (0.17 * Math.Min(1.0, (double)_swapsDone / _swapsTotal)),
                EtlStage.Indicators => 0.975,
                EtlStage.Audit => 0.98,
                _ => 0.02 + (0.78 * Math.Min(1.0, (double)_rowsDone / _totalRows)),
            };
            _lastFraction = Math.Max(_lastFraction, fraction);
            progress.Report(new EtlProgress(Stage.ToString(), Table, _lastFraction));
        }
    }
}

namespace Dashboard.Data.Audit;

/// <summary>One ETL run as the audit table records it.</summary>
public sealed record LoadRun(
    long LoadId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string TriggerKind,
    string SourceProvider, string SourceDescription, DateOnly AsOfDate, long? DurationMs, long? IndicatorMs,
    string? ErrorMessage, string HostName);

/// <summary>One source table within a run: read = loaded + quarantined.</summary>
public sealed record LoadTable(
    long LoadId, string SourceTable, string TargetTable, long RowsRead, long RowsLoaded, long RowsQuarantined,
    long RowsInserted, long RowsDeleted, long UnknownReferences, long DurationMs, string? Warning);

/// <summary>A rejected source row and the rule it broke.</summary>
public sealed record QuarantinedRow(
    long QuarantineId, long LoadId, string SourceTable, string? BusinessKey, string Field, string? Value,
    string Rule, string Message, string RowJson);

/// <summary>Reads the load audit and the quarantine. Stateless: opens a connection per call.</summary>
public sealed class LoadAuditQueries(IConnectionFactory connections)
{
    /// <summary>The most recent runs, newest first.</summary>
    public Task<IReadOnlyList<LoadRun>> RecentRunsAsync(int count, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The per-table figures of the given runs.</summary>
    public Task<IReadOnlyList<LoadTable>> TablesAsync(IReadOnlyCollection<long> loadIds, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The last run that succeeded, or null.</summary>
    public Task<LoadRun?> LastSucceededAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Quarantined rows of one run (default: the latest run that has any) and optionally one
    /// source table, at most <paramref name="limit"/>, in quarantine order.</summary>
    public Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(long? loadId, string? sourceTable, int limit, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Quarantine counts by source table and rule for one run.</summary>
    public Task<IReadOnlyList<(string SourceTable, string Rule, long Rows)>> QuarantineSummaryAsync(long loadId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Audit;

/// <summary>One ETL run as the audit table records it.</summary>
public sealed record LoadRun(
    long LoadId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string TriggerKind,
    string SourceProvider, string SourceDescription, DateOnly AsOfDate, long? DurationMs, long? IndicatorMs,
    string? ErrorMessage, string HostName);

/// <summary>One source table within a run: read = loaded + quarantined (rejected rows); <paramref name="RowsRepaired"/>
/// of the loaded rows had an optional field emptied, its original value kept in the quarantine.</summary>
public sealed record LoadTable(
    long LoadId, string SourceTable, string TargetTable, long RowsRead, long RowsLoaded, long RowsQuarantined,
    long RowsInserted, long RowsDeleted, long UnknownReferences, long DurationMs, string? Warning, long RowsRepaired = 0);

/// <summary>A quarantine entry: a rejected source row and the rule it broke, or (<paramref name="Outcome"/> "repaired")
/// one field of a loaded row that was emptied, with its original value.</summary>
public sealed record QuarantinedRow(
    long QuarantineId, long LoadId, string SourceTable, string? BusinessKey, string Field, string? Value,
    string Rule, string Message, string RowJson, string Outcome = QuarantineOutcomes.Rejected)
{
    public bool IsRepair => Outcome == QuarantineOutcomes.Repaired;
}

/// <summary>The values of etl_quarantine.outcome.</summary>
public static class QuarantineOutcomes
{
    public const string Rejected = "rejected";
    public const string Repaired = "repaired";

    /// <summary>The outcome named by a query value, or null for none; anything else is refused with a clear message.</summary>
    public static string? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        Rejected => Rejected,
        Repaired => Repaired,
        _ => throw new ArgumentException($"'{value}' is not a quarantine outcome: use rejected or repaired.", nameof(value)),
    };
}

/// <summary>Reads the load audit and the quarantine. Stateless: opens a connection per call.
/// Timestamps and dates come back typed from SQL Server and as ISO text from SQLite; both are read.</summary>
public sealed class LoadAuditQueries(IConnectionFactory connections)
{
    private const string RunColumns = """
        SELECT load_id AS LoadId, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status,
               trigger_kind AS TriggerKind, source_provider AS SourceProvider, source_description AS SourceDescription,
               as_of_date AS AsOfDate, duration_ms AS DurationMs, indicator_ms AS IndicatorMs,
               error_message AS ErrorMessage, host_name AS HostName
        FROM etl_load_run
        """;

    private const string RecentRuns = RunColumns + " ORDER BY load_id DESC";

    private const string LastSucceeded = RunColumns + " WHERE status = 'succeeded' ORDER BY load_id DESC";

    private const string Tables = """
        SELECT load_id AS LoadId, source_table AS SourceTable, target_table AS TargetTable, rows_read AS RowsRead,
               rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, rows_inserted AS RowsInserted,
               rows_deleted AS RowsDeleted, unknown_references AS UnknownReferences, duration_ms AS DurationMs,
               warning AS Warning, rows_repaired AS RowsRepaired
        FROM etl_load_table
        WHERE load_id IN @LoadIds
        ORDER BY load_id DESC, source_table
        """;

    private const string LatestQuarantinedLoad = "SELECT MAX(load_id) FROM etl_quarantine";

    private const string QuarantineColumns = """
        SELECT quarantine_id AS QuarantineId, load_id AS LoadId, source_table AS SourceTable, business_key AS BusinessKey,
               field AS Field, "value" AS "Value", "rule" AS "Rule", message AS Message, row_json AS RowJson,
               outcome AS Outcome
        FROM etl_quarantine
        """;

    private const string QuarantineOfLoad =
        QuarantineColumns + " WHERE load_id = @LoadId AND (@Outcome IS NULL OR outcome = @Outcome) ORDER BY quarantine_id";

    private const string QuarantineOfLoadAndTable = QuarantineColumns
        + " WHERE load_id = @LoadId AND source_table = @SourceTable AND (@Outcome IS NULL OR outcome = @Outcome) ORDER BY quarantine_id";

    private const string QuarantineSummary = """
        SELECT source_table AS SourceTable, "rule" AS "Rule", COUNT(*) AS "Rows"
        FROM etl_quarantine
        WHERE load_id = @LoadId AND outcome = 'rejected'
        GROUP BY source_table, "rule"
        ORDER BY source_table, "rule"
        """;

    private const string RepairSummary = """
        SELECT source_table AS SourceTable, field AS Field, "rule" AS "Rule", COUNT(*) AS "Rows"
        FROM etl_quarantine
        WHERE load_id = @LoadId AND outcome = 'repaired'
        GROUP BY source_table, field, "rule"
        ORDER BY source_table, field, "rule"
        """;

    private readonly IConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    private ISqlDialect Dialect => _connections.Dialect;

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<LoadRun>> RecentRunsAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(Dialect.Limit(RecentRuns, count),
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>The per-table figures of the given runs, newest run first, then by source table.</summary>
    public async Task<IReadOnlyList<LoadTable>> TablesAsync(IReadOnlyCollection<long> loadIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loadIds);
        if (loadIds.Count == 0) return [];
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TableRow>(new CommandDefinition(Tables, new { LoadIds = loadIds.Distinct().ToArray() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToTable())];
    }

    /// <summary>The last run that succeeded, or null.</summary>
    public async Task<LoadRun?> LastSucceededAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(Dialect.Limit(LastSucceeded, 1),
            cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    /// <summary>Quarantine entries of one run (default: the latest run that has any) and optionally one
    /// source table and one outcome (rejected or repaired; null: both), at most <paramref name="limit"/>, in quarantine order.</summary>
    public async Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(long? loadId, string? sourceTable, int limit, CancellationToken cancellationToken = default) =>
        await QuarantineAsync(loadId, sourceTable, null, limit, cancellationToken);

    /// <inheritdoc cref="QuarantineAsync(long?, string?, int, CancellationToken)"/>
    public async Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(long? loadId, string? sourceTable, string? outcome, int limit,
        CancellationToken cancellationToken = default)
    {
        outcome = QuarantineOutcomes.Parse(outcome);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var run = loadId ?? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(LatestQuarantinedLoad,
            cancellationToken: cancellationToken));
        if (run is null) return [];
        var sql = sourceTable is null ? QuarantineOfLoad : QuarantineOfLoadAndTable;
        var rows = await connection.QueryAsync<QuarantineRow>(new CommandDefinition(Dialect.Limit(sql, limit),
            new { LoadId = run.Value, SourceTable = sourceTable, Outcome = outcome }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToQuarantinedRow())];
    }

    /// <summary>Repaired fields of one run, counted by source table, field and rule (the rows were loaded).</summary>
    public async Task<IReadOnlyList<(string SourceTable, string Field, string Rule, long Rows)>> RepairSummaryAsync(long loadId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RepairRow>(new CommandDefinition(RepairSummary, new { LoadId = loadId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.SourceTable, r.Field, r.Rule, r.Rows))];
    }

    /// <summary>Rejected-row counts by source table and rule for one run (repaired fields are counted by
    /// <see cref="RepairSummaryAsync"/>).</summary>
    public async Task<IReadOnlyList<(string SourceTable, string Rule, long Rows)>> QuarantineSummaryAsync(long loadId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(QuarantineSummary, new { LoadId = loadId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.SourceTable, r.Rule, r.Rows))];
    }

    /// <summary>etl_load_run as stored: dates stay untyped until parsed (text in SQLite, typed in SQL Server).</summary>
    private sealed class RunRow
    {
        public long LoadId { get; set; }

        public object? StartedAt { get; set; }

        public object? FinishedAt { get; set; }

        public string Status { get; set; } = "";

        public string TriggerKind { get; set; } = "";

        public string SourceProvider { get; set; } = "";

        public string SourceDescription { get; set; } = "";

        public object? AsOfDate { get; set; }

        public long? DurationMs { get; set; }

        public long? IndicatorMs { get; set; }

        public string? ErrorMessage { get; set; }

        public string HostName { get; set; } = "";

        public LoadRun ToRun() => new(
            LoadId,
            IsoText.ToTimestamp(StartedAt ?? throw Missing("started_at"), $"started_at of load {LoadId}"),
            IsoText.ToNullableTimestamp(FinishedAt, $"finished_at of load {LoadId}"),
            Status, TriggerKind, SourceProvider, SourceDescription,
            IsoText.ToDate(AsOfDate ?? throw Missing("as_of_date"), $"as_of_date of load {LoadId}"),
            DurationMs, IndicatorMs, ErrorMessage, HostName);

        private FormatException Missing(string column) => new($"Load {LoadId} has no {column}.");
    }

    // Rows are read into settable classes, not straight into the records: Dapper's constructor matching needs the
    // exact column types, which differ between the engines (and in SQLite even between a NULL and a value).
    private sealed class TableRow
    {
        public long LoadId { get; set; }

        public string SourceTable { get; set; } = "";

        public string TargetTable { get; set; } = "";

        public long RowsRead { get; set; }

        public long RowsLoaded { get; set; }

        public long RowsQuarantined { get; set; }

        public long RowsInserted { get; set; }

        public long RowsDeleted { get; set; }

        public long UnknownReferences { get; set; }

        public long DurationMs { get; set; }

        public string? Warning { get; set; }

        public long RowsRepaired { get; set; }

        public LoadTable ToTable() => new(LoadId, SourceTable, TargetTable, RowsRead, RowsLoaded, RowsQuarantined, RowsInserted,
            RowsDeleted, UnknownReferences, DurationMs, Warning, RowsRepaired);
    }

    /// <summary>An etl_quarantine row as Dapper reads it (also read by <see cref="QuarantineQueries"/>).</summary>
    internal sealed class QuarantineRow
    {
        public long QuarantineId { get; set; }

        public long LoadId { get; set; }

        public string SourceTable { get; set; } = "";

        public string? BusinessKey { get; set; }

        public string Field { get; set; } = "";

        public string? Value { get; set; }

        public string Rule { get; set; } = "";

        public string Message { get; set; } = "";

        public string RowJson { get; set; } = "";

        public string Outcome { get; set; } = QuarantineOutcomes.Rejected;

        public QuarantinedRow ToQuarantinedRow() =>
            new(QuarantineId, LoadId, SourceTable, BusinessKey, Field, Value, Rule, Message, RowJson, Outcome);
    }

    private sealed class RepairRow
    {
        public string SourceTable { get; set; } = "";

        public string Field { get; set; } = "";

        public string Rule { get; set; } = "";

        public long Rows { get; set; }
    }

    private sealed class SummaryRow
    {
        public string SourceTable { get; set; } = "";

        public string Rule { get; set; } = "";

        public long Rows { get; set; }
    }
}

using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Progress;

/// <summary>
/// The board of a SQL Server warehouse: one row of etl_load_progress, written on its own autocommit connection. The
/// load's swap transaction never touches this table, so neither the write nor the dashboard's read waits for the swap
/// (and a web server on another machine than the load can read it, which a file beside the load could not offer).
/// </summary>
public sealed class LoadProgressTable(IConnectionFactory warehouse) : ILoadProgressBoard
{
    /// <summary>The nightly load's row.</summary>
    public const string BoardName = "etl";

    // One statement per round trip: update the row, or insert it on the first load.
    private const string Update = """
        UPDATE etl_load_progress SET load_id = @LoadId, started_at = @StartedAt, stage = @Stage, table_name = @TableName,
               fraction = @Fraction, updated_at = @UpdatedAt, host = @Host, process_id = @ProcessId,
               process_started_at = @ProcessStartedAt, outcome = @Outcome, finished_at = @FinishedAt
        WHERE board_name = @BoardName
        """;

    private const string Insert = """
        INSERT INTO etl_load_progress (board_name, load_id, started_at, stage, table_name, fraction, updated_at, host,
                                       process_id, process_started_at, outcome, finished_at)
        VALUES (@BoardName, @LoadId, @StartedAt, @Stage, @TableName, @Fraction, @UpdatedAt, @Host, @ProcessId,
                @ProcessStartedAt, @Outcome, @FinishedAt)
        """;

    private const string Select = """
        SELECT load_id AS LoadId, started_at AS StartedAt, stage AS Stage, table_name AS TableName, fraction AS Fraction,
               updated_at AS UpdatedAt, host AS Host, process_id AS ProcessId, process_started_at AS ProcessStartedAt,
               outcome AS Outcome, finished_at AS FinishedAt
        FROM etl_load_progress WHERE board_name = @BoardName
        """;

    public async Task WriteAsync(LoadProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var values = new
        {
            BoardName,
            progress.LoadId,
            StartedAt = IsoText.Timestamp(progress.StartedAt),
            progress.Stage,
            TableName = progress.Table,
            progress.Fraction,
            UpdatedAt = IsoText.Timestamp(progress.UpdatedAt),
            progress.Host,
            progress.ProcessId,
            ProcessStartedAt = IsoText.Timestamp(progress.ProcessStartedAt),
            progress.Outcome,
            FinishedAt = progress.FinishedAt is { } f ? IsoText.Timestamp(f) : null,
        };
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(Update, values, cancellationToken: cancellationToken));
        if (updated == 0) await connection.ExecuteAsync(new CommandDefinition(Insert, values, cancellationToken: cancellationToken));
    }

    public async Task<LoadProgress?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { BoardName }, cancellationToken: cancellationToken));
        if (row is null) return null;
        return new LoadProgress(row.LoadId, IsoText.ToTimestamp(row.StartedAt!, "etl_load_progress.started_at"), row.Stage, row.TableName,
            row.Fraction, IsoText.ToTimestamp(row.UpdatedAt!, "etl_load_progress.updated_at"), row.Host, (int)row.ProcessId,
            IsoText.ToTimestamp(row.ProcessStartedAt!, "etl_load_progress.process_started_at"))
        {
            Outcome = row.Outcome,
            FinishedAt = IsoText.ToNullableTimestamp(row.FinishedAt, "etl_load_progress.finished_at"),
        };
    }

    private sealed class Row
    {
        public long? LoadId { get; set; }
        public object? StartedAt { get; set; }
        public string Stage { get; set; } = "";
        public string? TableName { get; set; }
        public double Fraction { get; set; }
        public object? UpdatedAt { get; set; }
        public string Host { get; set; } = "";
        public long ProcessId { get; set; }
        public object? ProcessStartedAt { get; set; }
        public string? Outcome { get; set; }
        public object? FinishedAt { get; set; }
    }
}

using System.Data.Common;
using System.Globalization;
using Dashboard.Data;

namespace Dashboard.Etl.Load;

/// <summary>What etl_load_run records about a run when it starts.</summary>
public sealed record RunStart(
    DateTimeOffset StartedAt, string TriggerKind, DatabaseProvider SourceProvider, string SourceDescription,
    DateOnly AsOf, string HostName);

/// <summary>
/// Writes the load audit: etl_load_run (opened as 'running' and committed at once; closed as 'succeeded'
/// inside the swap transaction, or as 'failed' in its own small transaction) and etl_load_table.
/// </summary>
public static class RunAudit
{
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Inserts the run as 'running' and returns its load_id.</summary>
    /// <param name="waitBriefly">Wait at most about a second for another connection's write transaction.</param>
    public static async Task<long> StartAsync(IConnectionFactory warehouse, RunStart run, CancellationToken ct, bool waitBriefly = false)
    {
        string[] columns = ["started_at", "status", "trigger_kind", "source_provider", "source_description", "as_of_date", "host_name"];
        var sql = warehouse.Dialect.InsertReturningKey("etl_load_run", columns, "load_id");
        await using var connection = await warehouse.OpenAsync(ct);
        // Microsoft.Data.Sqlite retries a busy BEGIN IMMEDIATE for the connection's DefaultTimeout and a busy
        // statement for its CommandTimeout (seconds); SqlClient needs no more than a second for this insert either.
        if (waitBriefly && connection is Microsoft.Data.Sqlite.SqliteConnection sqlite) sqlite.DefaultTimeout = 1;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = Sql.Command(connection, transaction, sql,
            ("@started_at", Iso(run.StartedAt)), ("@status", "running"), ("@trigger_kind", run.TriggerKind),
            ("@source_provider", run.SourceProvider.ToString()), ("@source_description", run.SourceDescription),
            ("@as_of_date", run.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@host_name", run.HostName));
        if (waitBriefly) command.CommandTimeout = 1;
        var id = await command.ExecuteScalarAsync(ct);
        await transaction.CommitAsync(ct);
        return Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    /// <summary>The message recorded on a run that never finished.</summary>
    public const string AbandonedMessage =
        "The run stopped without finishing (the process was killed or the machine restarted); the warehouse kept the data of the last good load.";

    /// <summary>
    /// Closes as 'failed' every run still marked 'running'. A process that is killed cannot record its own
    /// end, so the next run, once it holds the lock (no other run can be live), records it instead.
    /// Returns how many runs were closed.
    /// </summary>
    public static async Task<int> CloseAbandonedAsync(IConnectionFactory warehouse, DateTimeOffset now, CancellationToken ct)
    {
        const string CloseSql = "UPDATE etl_load_run SET status = 'failed', finished_at = @finished_at, error_message = @error_message " +
                                "WHERE status = 'running'";
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var closed = await Sql.ExecuteAsync(connection, transaction, CloseSql, ct,
            ("@finished_at", Iso(now)), ("@error_message", AbandonedMessage));
        await transaction.CommitAsync(ct);
        return closed;
    }

    /// <summary>Closes the run as 'failed' with the error, in its own transaction (never throws for a broken warehouse).</summary>
    public static async Task<bool> FailAsync(IConnectionFactory warehouse, long loadId, DateTimeOffset finishedAt, long durationMs, string error)
    {
        const string FailSql = "UPDATE etl_load_run SET status = 'failed', finished_at = @finished_at, duration_ms = @duration_ms, " +
                               "error_message = @error_message WHERE load_id = @load_id";
        try
        {
            await using var connection = await warehouse.OpenAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await Sql.ExecuteAsync(connection, transaction, FailSql, CancellationToken.None,
                ("@finished_at", Iso(finishedAt)), ("@duration_ms", durationMs), ("@error_message", error), ("@load_id", loadId));
            await transaction.CommitAsync(CancellationToken.None);
            return true;
        }
        catch (DbException)
        {
            return false;   // the warehouse itself is the problem; the exception the caller throws says so
        }
    }

    /// <summary>Closes the run as 'succeeded' inside the swap transaction.</summary>
    public static Task SucceedAsync(
        DbConnection connection, DbTransaction transaction, long loadId, DateTimeOffset finishedAt, long durationMs, long? indicatorMs, CancellationToken ct)
    {
        const string SucceedSql = "UPDATE etl_load_run SET status = 'succeeded', finished_at = @finished_at, duration_ms = @duration_ms, " +
                                  "indicator_ms = @indicator_ms WHERE load_id = @load_id";
        return Sql.ExecuteAsync(connection, transaction, SucceedSql, ct,
            ("@finished_at", Iso(finishedAt)), ("@duration_ms", durationMs), ("@indicator_ms", indicatorMs), ("@load_id", loadId));
    }

    /// <summary>One etl_load_table row per source table, inside the swap transaction.</summary>
    public static async Task WriteTablesAsync(DbConnection connection, DbTransaction transaction, long loadId, IEnumerable<EtlTableResult> tables, CancellationToken ct)
    {
        const string TableSql = "INSERT INTO etl_load_table (load_id, source_table, target_table, rows_read, rows_loaded, " +
                                "rows_quarantined, rows_inserted, rows_deleted, unknown_references, duration_ms, warning, rows_repaired) VALUES " +
                                "(@load_id, @source_table, @target_table, @rows_read, @rows_loaded, @rows_quarantined, " +
                                "@rows_inserted, @rows_deleted, @unknown_references, @duration_ms, @warning, @rows_repaired)";
        foreach (var t in tables)
        {
            await Sql.ExecuteAsync(connection, transaction, TableSql, ct,
                ("@load_id", loadId), ("@source_table", t.SourceTable), ("@target_table", t.TargetTable),
                ("@rows_read", t.RowsRead), ("@rows_loaded", t.RowsLoaded), ("@rows_quarantined", t.RowsQuarantined),
                ("@rows_inserted", t.RowsInserted), ("@rows_deleted", t.RowsDeleted),
                ("@unknown_references", t.UnknownReferences), ("@duration_ms", (long)t.Elapsed.TotalMilliseconds),
                ("@warning", t.Warning), ("@rows_repaired", t.RowsRepaired));
        }
    }

    /// <summary>
    /// For a source made from statutory returns, which returns, the tables each filled and the elements the import could
    /// not place (etl_load_return, etl_load_return_table, etl_load_return_rejection), inside the swap transaction.
    /// </summary>
    public static async Task WriteReturnsAsync(DbConnection connection, DbTransaction transaction, long loadId, Source.SourceReturns returns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(returns);
        const string ReturnSql = "INSERT INTO etl_load_return (load_id, return_name, files, period, records, rejected, not_supported) " +
                                 "VALUES (@load_id, @return_name, @files, @period, @records, @rejected, @not_supported)";
        const string TableSql = "INSERT INTO etl_load_return_table (load_id, return_name, source_table, coverage, note) " +
                                "VALUES (@load_id, @return_name, @source_table, @coverage, @note)";
        const string RejectionSql = "INSERT INTO etl_load_return_rejection (load_id, rejection_id, return_name, file_name, line_number, element, field, reason, original) " +
                                    "VALUES (@load_id, @rejection_id, @return_name, @file_name, @line_number, @element, @field, @reason, @original)";
        foreach (var r in returns.Returns)
        {
            await Sql.ExecuteAsync(connection, transaction, ReturnSql, ct, ("@load_id", loadId), ("@return_name", r.Name), ("@files", r.Files),
                ("@period", r.Period), ("@records", r.Records), ("@rejected", r.Rejected), ("@not_supported", r.NotSupported));
        }
        foreach (var t in returns.Tables)
        {
            await Sql.ExecuteAsync(connection, transaction, TableSql, ct, ("@load_id", loadId), ("@return_name", t.ReturnName), ("@source_table", t.Table),
                ("@coverage", t.Coverage), ("@note", t.Note));
        }
        foreach (var j in returns.Rejections)
        {
            await Sql.ExecuteAsync(connection, transaction, RejectionSql, ct, ("@load_id", loadId), ("@rejection_id", j.Id), ("@return_name", j.ReturnName),
                ("@file_name", j.File), ("@line_number", j.Line), ("@element", j.Element), ("@field", j.Field), ("@reason", j.Reason), ("@original", j.Original));
        }
    }
}

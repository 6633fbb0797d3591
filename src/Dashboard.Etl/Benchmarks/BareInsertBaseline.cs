using System.Diagnostics;
using Dashboard.Core.Ssd;
using Dashboard.Data;
using Dashboard.Data.Sqlite;
using Dashboard.Etl.Source;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Benchmarks;

/// <summary>The baseline's figures: rows and time in all, and per source table.</summary>
public sealed record BaselineResult(long Rows, TimeSpan Elapsed, IReadOnlyList<(string Table, long Rows, TimeSpan Elapsed)> Tables)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The yardstick from two measurements of the same rows, one before the run and one after it: their mean time, in
    /// all and per table. The machine's speed drifts by a fifth over a minute on a shared virtual machine, and a single
    /// measurement after the run carried that drift whole into the run's share of it (docs/performance.md).
    /// </summary>
    public static BaselineResult MeanOf(BaselineResult before, BaselineResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Rows != after.Rows) throw new InvalidOperationException($"The two bare-insert measurements wrote {before.Rows:N0} and {after.Rows:N0} rows.");
        var afterByTable = after.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
        var tables = before.Tables.Select(t => (t.Table, t.Rows, (t.Elapsed + afterByTable[t.Table].Elapsed) / 2)).ToList();
        return new BaselineResult(before.Rows, (before.Elapsed + after.Elapsed) / 2, tables);
    }
}

/// <summary>
/// The yardstick the ETL's speed is judged against: the same source rows written by the barest loop SQLite
/// allows, a prepared one-row INSERT with reused parameters into plain tables (no types, keys or indexes),
/// all in one transaction, on a connection set up like the warehouse's (its page size, WAL, synchronous=NORMAL). Each table
/// is read into memory first, untimed; only the insert loops (and the final commit) are timed.
/// </summary>
public static class BareInsertBaseline
{
    public static async Task<BaselineResult> MeasureAsync(DatabaseTarget source, string scratchSqlitePath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(scratchSqlitePath);
        DeleteScratch(scratchSqlitePath);

        await using var reader = await SourceDatabase.OpenAsync(source, ct);
        var present = (await reader.CheckSchemaAsync(SsdSchema.All, ct)).Where(s => s.Present).Select(s => s.Table).ToList();

        await using var scratch = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = scratchSqlitePath, Pooling = false }.ToString());
        await scratch.OpenAsync(ct);
        Execute(scratch, null, SqlitePageSize.Pragmas + "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        foreach (var table in present)
        {
            Execute(scratch, null, $"CREATE TABLE {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))})");
        }

        var tables = new List<(string, long, TimeSpan)>();
        var total = TimeSpan.Zero;
        long totalRows = 0;
        using (var transaction = scratch.BeginTransaction())
        {
            foreach (var table in present)
            {
                var rows = reader.ReadRows(table, ct).Select(r => (object?[])r.Clone()).ToList();   // untimed
                var elapsed = InsertLoop(scratch, transaction, table, rows);
                tables.Add((table.Name, rows.Count, elapsed));
                total += elapsed;
                totalRows += rows.Count;
            }
            var commit = Stopwatch.StartNew();
            transaction.Commit();
            total += commit.Elapsed;
        }
        return new BaselineResult(totalRows, total, tables);
    }

    /// <summary>Deletes a scratch database and its log files (nothing to do where there are none).</summary>
    public static void DeleteScratch(string scratchSqlitePath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(scratchSqlitePath + suffix);
    }

    private static TimeSpan InsertLoop(SqliteConnection connection, SqliteTransaction transaction, SsdTable table, List<object?[]> rows)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                             $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("@p" + i, DBNull.Value))).ToArray();
        insert.Prepare();
        var clock = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        return clock.Elapsed;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // names come from the contract
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

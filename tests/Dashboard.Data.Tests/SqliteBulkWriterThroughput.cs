using System.Diagnostics;
using Dashboard.Data.Migrations;
using Dashboard.Data.Sqlite;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

/// <summary>SqliteBulkWriter (one statement prepared on the raw handle, values bound by position) against a plain
/// Microsoft.Data.Sqlite prepared command with named parameters. Explicit: run it by name to re-measure
/// (dotnet test --filter "FullyQualifiedName~SqliteBulkWriterThroughput").</summary>
[Explicit("A measurement, not a check: run it by name.")]
[Category("Benchmark")]
public sealed class SqliteBulkWriterThroughput
{
    private const int Rows = 500_000;
    private const int Runs = 3;

    private static readonly string[] Columns =
    [
        "referral_id", "child_key", "referral_date_key", "primary_need_code", "source_code", "is_nfa", "close_reason_code",
        "close_date_key", "team_key", "worker_key", "load_id", "row_hash",
    ];

    /// <summary>Built once, up front, so only the writing is timed.</summary>
    private static readonly object?[][] Data = [.. Enumerable.Range(0, Rows).Select(i => new object?[]
    {
        "REF" + i, i % 50_000, 20200101 + (i % 28), "N1", "3A", i % 4 == 0 ? true : null, null, null, i % 40, i % 400, 1L, (long)i * 7919,
    })];

    [Test]
    public async Task Rows_per_second_into_fact_referral()
    {
        await MeasureAsync("warm-up", 1, (c, t) => SqliteBulkWriter.Instance.WriteAsync(c, t, "fact_referral", Columns, Data.Take(50_000)));
        await MeasureAsync("Microsoft.Data.Sqlite prepared command, named parameters", Runs, BaselineAsync);
        await MeasureAsync("SqliteBulkWriter", Runs, (c, t) => SqliteBulkWriter.Instance.WriteAsync(c, t, "fact_referral", Columns, Data));
    }

    private static async Task MeasureAsync(string what, int runs, Func<SqliteConnection, SqliteTransaction, Task> write)
    {
        var rates = new List<double>();
        long allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            using var warehouse = new TempWarehouse();
            await new MigrationRunner(warehouse.Connections).ApplyAsync();
            await using var connection = (SqliteConnection)await warehouse.Connections.OpenAsync();
            using var transaction = connection.BeginTransaction();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            await write(connection, transaction);
            transaction.Commit();
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            rates.Add(Rows / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        if (runs == 1) return;
        TestContext.Out.WriteLine($"{what,-60} median {rates[runs / 2],9:N0} rows/s (min {rates[0]:N0}, max {rates[^1]:N0}), " +
            $"{allocated / (double)Rows:N1} B/row");
    }

    private static Task BaselineAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO fact_referral ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        var parameters = Columns.Select(c => command.Parameters.Add(new SqliteParameter { ParameterName = "@" + c })).ToArray();
        command.Prepare();
        foreach (var row in Data)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }
}

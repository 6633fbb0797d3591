using Dapper;
using Dashboard.Data.Sqlite;
using Dashboard.Data.Tests.Support;
using SQLitePCL;

namespace Dashboard.Data.Tests;

public sealed class SqliteProcessSettingsTests
{
    [Test]
    public void Applied_before_sqlite_started_memory_statistics_are_off_and_asking_again_gives_the_same_answer()
    {
        Assert.That(SqliteSettingsFirst.Result, Is.EqualTo(raw.SQLITE_OK), "the assembly's set-up ran before any database was opened");
        Assert.That(SqliteProcessSettings.MemoryStatisticsOff, Is.True);
        Assert.That(SqliteProcessSettings.Apply(), Is.EqualTo(raw.SQLITE_OK), "a second call changes nothing and says so");
    }

    [Test]
    public async Task With_statistics_off_sqlite_counts_no_memory_however_much_a_connection_allocates()
    {
        using var warehouse = new TempWarehouse();
        await warehouse.Connections.ExecAsync("CREATE TABLE t (id INTEGER, note TEXT)");
        await using var connection = await warehouse.Connections.OpenAsync();
        await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", ["id", "note"],
            Enumerable.Range(0, 20_000).Select(i => new object?[] { i, new string('x', i % 300) }));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t ORDER BY note"), Is.EqualTo(20_000));

        // With statistics on this would be at least the page cache's megabytes; off, SQLite keeps no count at all.
        Assert.That(raw.sqlite3_memory_used(), Is.Zero);
    }

    [Test]
    public async Task Separate_connections_on_separate_threads_still_write_and_read_at_the_same_time()
    {
        using var warehouse = new TempWarehouse();
        await warehouse.Connections.ExecAsync("CREATE TABLE t (worker INTEGER, n INTEGER)");

        // Each thread its own connection, as every part of the product uses them: the threading mode stays serialized.
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                await using var connection = await warehouse.Connections.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, transaction, "t", ["worker", "n"],
                    Enumerable.Range(0, 250).Select(n => new object?[] { worker, n }));
                await transaction.CommitAsync();
                await connection.QueryAsync<long>("SELECT n FROM t WHERE worker = @worker", new { worker });
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var counts = (await warehouse.Connections.QueryListAsync<(long Worker, long Rows)>("SELECT worker, COUNT(*) FROM t GROUP BY worker ORDER BY worker")).ToList();
        Assert.That(counts, Is.EqualTo(Enumerable.Range(0, 4).Select(w => ((long)w, 5_000L)).ToList()));
    }
}

using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Tests;

/// <summary>
/// Upgrading: a new version's migrations run forward on a warehouse that already holds a council's loads, accounts
/// and findings, and keep every row (docs/deployment.md, "Upgrading").
/// </summary>
public sealed class UpgradeTests
{
    /// <summary>The newest migration; the warehouse is taken back to the schema before it.</summary>
    private const string Newest = "0009_etl_lock_holder_process.sql";

    [Test]
    public async Task Migrating_a_loaded_warehouse_from_the_previous_schema_keeps_every_row_and_the_next_load_runs()
    {
        using var cli = new CliHarness();
        var demo = await cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        Assert.That(demo.ExitCode, Is.Zero, demo.ToString());
        // The warehouse as the previous version left it: without 0009's columns, and 0009 not recorded.
        await ExecAsync(cli, $"""
            ALTER TABLE etl_lock DROP COLUMN host;
            ALTER TABLE etl_lock DROP COLUMN process_id;
            ALTER TABLE etl_lock DROP COLUMN process_started_at;
            DELETE FROM etl_schema_migration WHERE script_name = '{Newest}';
            INSERT INTO etl_lock (lock_name, holder, acquired_at, expires_at)
            VALUES ('pack-demo', 'host old-box pid 77', '2026-03-30T02:00:00.000Z', '2026-03-30T08:00:00.000Z');
            """);
        var before = await RowCountsAsync(cli);
        Assert.That(before["fact_indicator"], Is.GreaterThan(0));
        Assert.That(before["app_user"], Is.GreaterThan(0));
        Assert.That(before["app_finding"], Is.GreaterThan(0));

        var upgrade = await cli.RunAsync("users", "list");   // any command that opens the warehouse for writing migrates it

        Assert.That(upgrade.ExitCode, Is.Zero, upgrade.ToString());
        Assert.That(await RowCountsAsync(cli), Is.EqualTo(before), "every table keeps its rows");
        Assert.That(await ScalarAsync(cli, $"SELECT COUNT(*) FROM etl_schema_migration WHERE script_name = '{Newest}'"), Is.EqualTo(1));
        Assert.That(await ScalarAsync(cli, "SELECT COUNT(*) FROM etl_lock WHERE lock_name = 'pack-demo' AND host IS NULL AND holder = 'host old-box pid 77'"),
            Is.EqualTo(1), "a lock row written by the previous version is kept, with the new columns empty");

        var etl = await cli.RunAsync("etl");
        Assert.That(etl.ExitCode, Is.Zero, etl.ToString());
        Assert.That(await ScalarAsync(cli, "SELECT COUNT(*) FROM app_finding"), Is.EqualTo(before["app_finding"]), "a reload leaves the findings");
        Assert.That(await ScalarAsync(cli, "SELECT COUNT(*) FROM app_user"), Is.EqualTo(before["app_user"]));
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(CliHarness cli)
    {
        await using var connection = await OpenAsync(cli);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'etl_schema_migration' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static async Task<long> ScalarAsync(CliHarness cli, string sql)
    {
        await using var connection = await OpenAsync(cli);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecAsync(CliHarness cli, string sql)
    {
        await using var connection = await OpenAsync(cli);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(CliHarness cli)
    {
        var connection = new SqliteConnection($"Data Source={cli.WarehousePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}

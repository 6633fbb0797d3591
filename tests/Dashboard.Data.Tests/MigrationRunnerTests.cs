using Dashboard.Data.Migrations;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class MigrationRunnerTests
{
    private TempWarehouse _warehouse = null!;

    [SetUp]
    public void CreateWarehouse() => _warehouse = new TempWarehouse();

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task Migrations_apply_to_an_empty_database_in_name_order_and_are_recorded_with_checksums()
    {
        var applied = await new MigrationRunner(_warehouse.Connections).ApplyAsync();

        Assert.That(applied, Is.EqualTo(new[] { "0001_create_etl_tables.sql", "0002_create_dimensions.sql", "0003_create_facts.sql", "0004_create_indicator_facts.sql",
            "0005_create_app_tables.sql", "0006_index_fact_indicator_scope.sql", "0007_index_facts_by_child.sql", "0008_add_finding_action.sql",
            "0009_etl_lock_holder_process.sql", "0010_quarantine_repairs.sql", "0011_statutory_returns.sql",
            "0012_load_progress_board.sql" }));
        var recorded = await _warehouse.Connections.QueryListAsync<(string Name, string Checksum)>(
            "SELECT script_name, checksum FROM etl_schema_migration ORDER BY script_name");
        Assert.That(recorded.Select(r => r.Name), Is.EqualTo(applied));
        Assert.That(recorded.Select(r => r.Checksum), Has.All.Matches("^[0-9a-f]{64}$"));
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM dim_team WHERE team_key = 0"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_second_run_applies_nothing()
    {
        await new MigrationRunner(_warehouse.Connections).ApplyAsync();

        var second = await new MigrationRunner(_warehouse.Connections).ApplyAsync();

        Assert.That(second, Is.Empty);
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM etl_schema_migration"), Is.EqualTo(12));
    }

    [Test]
    public async Task A_script_added_later_is_applied_alone()
    {
        await new MigrationRunner(_warehouse.Connections, [("0001_a.sql", "CREATE TABLE a (x INTEGER);")]).ApplyAsync();

        var applied = await new MigrationRunner(_warehouse.Connections,
            [("0002_b.sql", "CREATE TABLE b (x INTEGER);"), ("0001_a.sql", "CREATE TABLE a (x INTEGER);")]).ApplyAsync();

        Assert.That(applied, Is.EqualTo(new[] { "0002_b.sql" }));
    }

    [Test]
    public async Task A_recorded_script_that_changed_is_refused_with_a_message_naming_it()
    {
        await new MigrationRunner(_warehouse.Connections, [("0001_a.sql", "CREATE TABLE a (x INTEGER);")]).ApplyAsync();
        var edited = new MigrationRunner(_warehouse.Connections,
            [("0001_a.sql", "CREATE TABLE a (x INTEGER, y INTEGER);"), ("0002_b.sql", "CREATE TABLE b (x INTEGER);")]);

        var refusal = Assert.ThrowsAsync<MigrationException>(() => edited.ApplyAsync());

        Assert.That(refusal!.Message, Does.Contain("0001_a.sql").And.Contain("changed"));
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'"), Is.Zero,
            "nothing is applied once a change is found");
    }

    [Test]
    public async Task A_recorded_script_missing_from_the_build_is_refused_with_a_message_naming_it()
    {
        await new MigrationRunner(_warehouse.Connections,
            [("0001_a.sql", "CREATE TABLE a (x INTEGER);"), ("0002_b.sql", "CREATE TABLE b (x INTEGER);")]).ApplyAsync();

        var older = new MigrationRunner(_warehouse.Connections, [("0001_a.sql", "CREATE TABLE a (x INTEGER);")]);

        Assert.That(() => older.ApplyAsync(), Throws.TypeOf<MigrationException>().With.Message.Contains("0002_b.sql"));
    }

    [Test]
    public async Task Windows_line_endings_do_not_change_the_checksum()
    {
        await new MigrationRunner(_warehouse.Connections, [("0001_a.sql", "CREATE TABLE a (\n  x INTEGER\n);\n")]).ApplyAsync();

        var again = await new MigrationRunner(_warehouse.Connections, [("0001_a.sql", "CREATE TABLE a (\r\n  x INTEGER\r\n);\r\n")]).ApplyAsync();

        Assert.That(again, Is.Empty);
    }

    [Test]
    public async Task A_failing_script_is_rolled_back_whole_and_named()
    {
        var runner = new MigrationRunner(_warehouse.Connections,
        [
            ("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
            ("0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);"),
        ]);

        Assert.That(() => runner.ApplyAsync(), Throws.TypeOf<MigrationException>().With.Message.Contains("0002_b.sql"));
        Assert.That(await _warehouse.Connections.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'"), Is.Zero);
        Assert.That(await _warehouse.Connections.QueryListAsync<string>("SELECT script_name FROM etl_schema_migration"),
            Is.EqualTo(new[] { "0001_a.sql" }));
    }

    [Test]
    public void Both_dialects_embed_the_same_numbered_scripts()
    {
        var sqlite = MigrationScript.Embedded(DatabaseProvider.Sqlite).Select(s => s.Name);
        var sqlServer = MigrationScript.Embedded(DatabaseProvider.SqlServer).Select(s => s.Name);

        Assert.That(sqlServer, Is.EqualTo(sqlite));
        Assert.That(sqlite, Is.EqualTo(new[] { "0001_create_etl_tables.sql", "0002_create_dimensions.sql", "0003_create_facts.sql", "0004_create_indicator_facts.sql",
            "0005_create_app_tables.sql", "0006_index_fact_indicator_scope.sql", "0007_index_facts_by_child.sql", "0008_add_finding_action.sql",
            "0009_etl_lock_holder_process.sql", "0010_quarantine_repairs.sql", "0011_statutory_returns.sql",
            "0012_load_progress_board.sql" }));
    }

    [Test]
    public void Sql_server_scripts_are_split_into_batches_on_lines_holding_only_GO()
    {
        var script = new MigrationScript("0009_views.sql", "CREATE TABLE t (x INT);\nGO\nCREATE VIEW v AS SELECT x FROM t;\r\n  go  -- next\nSELECT 'GOOD';\nGO\n");

        var batches = script.Batches(DatabaseProvider.SqlServer);

        Assert.That(batches, Has.Count.EqualTo(3));
        Assert.That(batches[2], Does.Contain("'GOOD'"));
        Assert.That(script.Batches(DatabaseProvider.Sqlite), Has.Count.EqualTo(1));
    }
}

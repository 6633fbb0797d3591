using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Tests;

/// <summary>The commands a person runs, in the order they run them, against the embedded default.</summary>
public class EndToEndTests
{
    private static void AssertOk(CliResult result) => Assert.That(result.ExitCode, Is.Zero, result.ToString());

    [Test]
    public async Task Generate_then_etl_then_runs_shows_a_succeeded_load()
    {
        using var cli = new CliHarness();
        AssertOk(await cli.RunAsync("generate", "--preset", "small", "--years", "1", "--seed", "7", "--out", cli.SourcePath));
        Assert.That(File.Exists(cli.SourcePath), Is.True);

        var etl = await cli.RunAsync("etl");
        AssertOk(etl);
        Assert.That(etl.Output, Does.Contain("Load 1 succeeded"));
        Assert.That(etl.Output, Does.Contain("ssd_cp_visits"));

        var runs = await cli.RunAsync("runs");
        AssertOk(runs);
        Assert.That(runs.Output, Does.Contain("succeeded"));
        Assert.That(runs.Output, Does.Contain("Run 1 by source table"));
        Assert.That(runs.Output, Does.Contain("ssd_person"));
    }

    [Test]
    public async Task Planted_faults_are_quarantined_and_shown_with_their_rule()
    {
        using var cli = new CliHarness();
        AssertOk(await cli.RunAsync("generate", "--preset", "small", "--years", "1", "--faults", "0.02", "--out", cli.SourcePath));
        AssertOk(await cli.RunAsync("etl"));

        var quarantine = await cli.RunAsync("quarantine", "--limit", "20");
        AssertOk(quarantine);
        Assert.That(quarantine.Output, Does.Contain("rejected rows by table and rule"));
        Assert.That(quarantine.Output, Does.Match("date_unparseable|code_unknown|reference_unresolved|duplicate_key|date_order|date_future|required"));

        var oneTable = await cli.RunAsync("quarantine", "--table", "ssd_cp_visits", "--limit", "5");
        AssertOk(oneTable);

        // Faults in optional fields are repaired, not rejected: shown apart, with the value as sent.
        Assert.That(quarantine.Output, Does.Contain("repaired fields by table and field (rows loaded with the field empty)"));
        var repaired = await cli.RunAsync("quarantine", "--outcome", "repaired", "--limit", "5");
        AssertOk(repaired);
        Assert.That(repaired.Output, Does.Contain("Repaired fields (original values)"));
        Assert.That(repaired.Output, Does.Not.Contain("Rejected rows"));
        var runs = await cli.RunAsync("runs");
        AssertOk(runs);
        Assert.That(runs.Output, Does.Contain("Rejected").And.Contain("Repaired"));
        Assert.That(runs.Output, Does.Contain("Read = loaded + rejected."));

        var bad = await cli.RunAsync("quarantine", "--outcome", "fixed");
        Assert.That(bad.ExitCode, Is.Not.Zero);
        Assert.That(bad.Error, Does.Contain("--outcome must be rejected or repaired, not 'fixed'."));
    }

    [Test]
    public async Task Loading_the_same_source_twice_changes_no_row()
    {
        using var cli = new CliHarness();
        AssertOk(await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath));
        AssertOk(await cli.RunAsync("etl"));
        var second = await cli.RunAsync("etl");
        AssertOk(second);
        Assert.That(second.Output, Does.Contain("Load 2 succeeded"));

        await using var connection = new SqliteConnection($"Data Source={cli.WarehousePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(rows_inserted) + SUM(rows_deleted) FROM etl_load_table WHERE load_id = 2";
        Assert.That(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.Zero);
    }

    [Test]
    public async Task A_source_missing_a_table_fails_with_a_sentence_naming_it()
    {
        using var cli = new CliHarness();
        AssertOk(await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath));
        await using (var connection = new SqliteConnection($"Data Source={cli.SourcePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE ssd_cp_visits";
            await drop.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("etl");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("ssd_cp_visits"));
        Assert.That(result.Error, Does.Not.Contain("   at "));

        var runs = await cli.RunAsync("runs");
        Assert.That(runs.Output, Does.Contain("failed"));
    }

    [Test]
    public async Task An_extract_made_on_an_earlier_day_is_loaded_as_at_that_day()
    {
        using var cli = new CliHarness();
        AssertOk(await cli.RunAsync("generate", "--preset", "scilly", "--as-of", "2025-12-31", "--out", cli.SourcePath));

        AssertOk(await cli.RunAsync("etl", "--as-of", "2025-12-31"));
        var runs = await cli.RunAsync("runs");

        Assert.That(runs.Output, Does.Contain("2025-12-31"), runs.ToString());
        var bad = await cli.RunAsync("etl", "--as-of", "31/12/2025");
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.ToString());
        Assert.That(bad.Error, Does.Contain("--as-of"));
    }

    [Test]
    public async Task Demo_generates_and_loads_into_the_data_directory()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        AssertOk(result);
        Assert.That(File.Exists(cli.SourcePath), Is.True);
        Assert.That(File.Exists(cli.WarehousePath), Is.True);
        Assert.That(result.Output, Does.Contain("succeeded"));
        Assert.That(result.Output, Does.Contain("Recorded 4 findings of a made-up Ofsted letter"));

        // Run again: the findings are there already, so none is added twice.
        var again = await cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        AssertOk(again);
        Assert.That(again.Output, Does.Not.Contain("Recorded"));
        var findings = await new Dashboard.Data.App.FindingStore(
            Dashboard.Data.Warehouse.Connect(new Dashboard.Data.DatabaseTarget(Dashboard.Data.DatabaseProvider.Sqlite, cli.WarehousePath))).ListAsync();
        Assert.That(findings, Has.Count.EqualTo(4));
        Assert.That(findings.Select(f => f.LetterDate).Distinct().Count(), Is.EqualTo(1), "one letter");
    }
}

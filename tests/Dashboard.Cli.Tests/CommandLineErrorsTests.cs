namespace Dashboard.Cli.Tests;

/// <summary>Wrong options and bad settings give one sentence and a non-zero exit code, never a stack trace.</summary>
public class CommandLineErrorsTests
{
    private static void AssertOneSentence(CliResult result, int exitCode, string fragment)
    {
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        Assert.That(result.Error, Does.Contain(fragment), result.ToString());
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Help_lists_every_command()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("--help");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        foreach (var command in new[] { "demo", "generate", "etl", "runs", "quarantine", "indicators", "exceptions", "schedule", "bench", "serve", "users" })
        {
            Assert.That(result.Output, Does.Contain(command));
        }
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("etl", "--sauce", "x"), 2, "--sauce");
    }

    [Test]
    public async Task An_unknown_preset_is_a_usage_error()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("generate", "--preset", "huge", "--out", cli.SourcePath), 2, "huge");
    }

    [Test]
    public async Task Generate_without_an_output_path_is_a_usage_error()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("generate", "--preset", "small"), 2, "--out");
    }

    [Test]
    public async Task A_badly_written_date_names_the_option()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("generate", "--preset", "scilly", "--as-of", "31/03/2026", "--out", cli.SourcePath), 2, "--as-of");
    }

    [Test]
    public async Task An_impossible_fault_rate_is_refused_with_a_sentence()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("generate", "--preset", "scilly", "--faults", "3", "--out", cli.SourcePath);
        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Error, Does.Contain("ault"), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Etl_with_no_source_says_how_to_make_one()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("etl"), 2, "dashboard generate");
    }

    [Test]
    public async Task Runs_against_a_missing_warehouse_says_so_and_creates_nothing()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("runs"), 2, "no warehouse");
        Assert.That(File.Exists(cli.WarehousePath), Is.False);
    }

    [Test]
    public async Task A_bad_schedule_time_in_settings_is_refused_at_start_up()
    {
        using var cli = new CliHarness(new Dictionary<string, string?> { ["Dashboard:Schedule:At"] = "25:00" });
        AssertOneSentence(await cli.RunAsync("schedule"), 2, "Dashboard:Schedule:At");
    }

    [Test]
    public async Task A_sql_server_provider_without_a_connection_string_names_the_setting()
    {
        using var cli = new CliHarness(new Dictionary<string, string?> { ["Dashboard:Warehouse:Provider"] = "sqlserver" });
        AssertOneSentence(await cli.RunAsync("runs"), 2, "Dashboard:Warehouse:ConnectionString");
    }

    [Test]
    public async Task An_unreachable_sql_server_is_one_sentence()
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync("runs", "--warehouse-provider", "sqlserver",
            "--warehouse", "Server=127.0.0.1,1;Database=nowhere;User Id=sa;Password=secret-value;Connect Timeout=2;Encrypt=false");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "));
        Assert.That(result.Error, Does.Not.Contain("secret-value"), "no password in messages");
    }
}

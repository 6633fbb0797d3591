namespace Dashboard.Cli.Tests;

/// <summary>A council's own indicator settings file (Dashboard:Indicators:SettingsFile): read at start-up,
/// refused with a sentence naming the setting when a value is bad, and used by the load and the display.</summary>
public class IndicatorSettingsFileTests
{
    private static CliHarness WithSettingsFile(string json, out string path)
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-settings-").FullName;
        path = Path.Combine(folder, "council-indicators.json");
        File.WriteAllText(path, json);
        return new CliHarness(new Dictionary<string, string?> { ["Dashboard:Indicators:SettingsFile"] = path });
    }

    [Test]
    public async Task A_negative_visit_standard_is_refused_at_start_up_naming_the_setting()
    {
        using var cli = WithSettingsFile("""{ "cpVisitWorkingDays": -3 }""", out _);
        var result = await cli.RunAsync("etl");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("cpVisitWorkingDays"), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_target_for_an_unknown_indicator_is_refused()
    {
        using var cli = WithSettingsFile("""{ "targets": { "SEEN-99": 80 } }""", out _);
        var result = await cli.RunAsync("runs");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("SEEN-99"), result.ToString());
    }

    [Test]
    public async Task A_missing_settings_file_is_named()
    {
        using var cli = new CliHarness(new Dictionary<string, string?> { ["Dashboard:Indicators:SettingsFile"] = "/nowhere/council.json" });
        var result = await cli.RunAsync("runs");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("/nowhere/council.json"));
    }

    [Test]
    public async Task A_council_target_is_the_one_the_indicators_command_shows()
    {
        using var cli = WithSettingsFile("""{ "councilName": "Isles of Example", "targets": { "SEEN-01": 77 } }""", out _);
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath)).ExitCode, Is.Zero);
        var etl = await cli.RunAsync("etl");
        Assert.That(etl.ExitCode, Is.Zero);
        Assert.That(etl.Output, Does.Not.Contain("name is not set"), "a named council is not warned");

        var result = await cli.RunAsync("indicators", "--indicator", "SEEN-01", "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("\"target\": 77").Or.Contain("\"target\":77"), result.Output);
    }

    [Test]
    public async Task A_bad_change_date_is_refused_at_start_up_naming_the_setting()
    {
        using var cli = WithSettingsFile("""{ "changeDates": [{ "date": "1 September 2025", "what": "New teams" }] }""", out _);
        var result = await cli.RunAsync("runs");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("changeDates[0].date"), result.ToString());
    }

    [Test]
    public async Task A_recent_change_date_starts_new_limits_so_the_months_after_it_are_too_few_to_judge()
    {
        var latest = Dashboard.Core.Indicators.Month.Of(DateOnly.FromDateTime(CliHarness.Now.UtcDateTime));
        var change = latest.Previous().First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var cli = WithSettingsFile($$"""{ "changeDates": [{ "date": "{{change}}", "what": "New front door", "indicators": ["SEEN-01"] }] }""", out _);
        Assert.That((await cli.RunAsync("generate", "--preset", "small", "--out", cli.SourcePath)).ExitCode, Is.Zero);
        Assert.That((await cli.RunAsync("etl")).ExitCode, Is.Zero);

        var result = await cli.RunAsync("indicators", "--indicator", "SEEN-01", "--from", latest.AddMonths(-2).ToString(), "--to", latest.ToString(), "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var verdicts = System.Text.Json.JsonDocument.Parse(result.Output).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("scope").GetString() == "council")
            .ToDictionary(r => r.GetProperty("period").GetString()!, r => r.GetProperty("verdict").GetString());
        Assert.That(verdicts[latest.AddMonths(-2).ToString()], Is.Not.EqualTo("too few months to judge yet"), "before the change: two years of months");
        Assert.That(verdicts[latest.Previous().ToString()], Is.EqualTo("too few months to judge yet"));
        Assert.That(verdicts[latest.ToString()], Is.EqualTo("too few months to judge yet"));
    }

    [Test]
    public async Task A_load_without_the_councils_name_says_how_to_set_it_so_packs_do_not_go_out_as_Your_council()
    {
        using var cli = new CliHarness();
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--out", cli.SourcePath)).ExitCode, Is.Zero);

        var result = await cli.RunAsync("etl");

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("the council's name is not set").And.Contain("councilName").And.Contain("Dashboard:Indicators:SettingsFile"));
    }
}

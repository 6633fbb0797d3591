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
        Assert.That((await cli.RunAsync("etl")).ExitCode, Is.Zero);

        var result = await cli.RunAsync("indicators", "--indicator", "SEEN-01", "--format", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("\"target\": 77").Or.Contain("\"target\":77"), result.Output);
    }
}

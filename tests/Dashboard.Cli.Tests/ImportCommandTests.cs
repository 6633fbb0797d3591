namespace Dashboard.Cli.Tests;

/// <summary>
/// <c>dashboard import</c>, <c>write-returns</c> and configured returns, through the real command tree: the synthetic
/// council written as its returns and imported back loads, and a file that cannot be read is one sentence naming it,
/// exit code 2, with the previous source left in place.
/// </summary>
public class ImportCommandTests
{
    private static void AssertOneSentence(CliResult result, string fragment)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(fragment), result.ToString());
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Naming_no_return_is_a_usage_error()
    {
        using var cli = new CliHarness();
        AssertOneSentence(await cli.RunAsync("import", "--out", cli.SourcePath), "Name at least one return to import");
    }

    [Test]
    public async Task A_file_that_is_not_there_is_named_and_the_previous_source_is_kept()
    {
        using var cli = new CliHarness();
        await File.WriteAllTextAsync(cli.SourcePath, "the last good source");
        var missing = Path.Combine(cli.Directory, "cin-2025.xml");

        AssertOneSentence(await cli.RunAsync("import", "--cin-census", missing, "--out", cli.SourcePath), $"The CIN census file or folder {missing} does not exist.");
        Assert.That(await File.ReadAllTextAsync(cli.SourcePath), Is.EqualTo("the last good source"));
    }

    [Test]
    public async Task A_census_file_that_is_not_xml_is_one_sentence_naming_it_with_exit_code_2()
    {
        using var cli = new CliHarness();
        var broken = Path.Combine(cli.Directory, "cin-2025.xml");
        await File.WriteAllTextAsync(broken, "LAchildID,CINreferralDate\nC1,2025-01-06\n");

        var result = await cli.RunAsync("import", "--cin-census", broken, "--out", cli.SourcePath);

        AssertOneSentence(result, "cin-2025.xml");
        Assert.That(File.Exists(cli.SourcePath), Is.False, "nothing is published when the import fails");
    }

    [Test]
    public async Task The_synthetic_council_written_as_its_returns_imports_and_loads_as_at_its_reference_date()
    {
        using var cli = new CliHarness();
        var caseSystem = Path.Combine(cli.Directory, "case-system.db");
        var returns = Path.Combine(cli.Directory, "returns");
        Assert.That((await cli.RunAsync("generate", "--preset", "scilly", "--years", "2", "--as-of", "2026-03-31", "--out", caseSystem)).ExitCode, Is.Zero);

        var written = await cli.RunAsync("write-returns", "--source", caseSystem, "--out", returns, "--as-of", "2026-03-31", "--years", "2");
        Assert.That(written.ExitCode, Is.Zero, written.ToString());
        var census = Directory.GetFiles(returns, "*.xml", SearchOption.AllDirectories);
        var workbooks = Directory.GetFiles(returns, "*.xlsx", SearchOption.AllDirectories);
        var csv = Directory.GetFiles(returns, "*.csv", SearchOption.AllDirectories);
        Assert.That((census.Length, workbooks.Length), Is.EqualTo((2, 1)), written.Output);
        Assert.That(csv, Is.Not.Empty);

        var imported = await cli.RunAsync(["import", "--cin-census", .. census, "--ssda903", .. csv, "--annex-a", workbooks[0], "--out", cli.SourcePath]);
        Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        Assert.That(imported.Output, Does.Contain("Returns imported").And.Contain("CIN census").And.Contain("SSDA903").And.Contain("Annex A"));
        Assert.That(imported.Output, Does.Contain("as at 2026-03-31"));

        var loaded = await cli.RunAsync("etl");
        Assert.That(loaded.ExitCode, Is.Zero, loaded.ToString());
        Assert.That(loaded.Output, Does.Contain("succeeded"));
        var runs = await cli.RunAsync("runs");
        Assert.That(runs.Output, Does.Contain("2026-03-31"), "loaded as at the returns' reference date, not the clock's day");
    }

    [Test]
    public async Task Returns_named_in_configuration_are_imported_before_the_load()
    {
        using var setup = new CliHarness();
        var caseSystem = Path.Combine(setup.Directory, "case-system.db");
        var returns = Path.Combine(setup.Directory, "returns");
        Assert.That((await setup.RunAsync("generate", "--preset", "scilly", "--years", "2", "--as-of", "2026-03-31", "--out", caseSystem)).ExitCode, Is.Zero);
        Assert.That((await setup.RunAsync("write-returns", "--source", caseSystem, "--out", returns, "--return", "cin-census", "--as-of", "2026-03-31", "--years", "2")).ExitCode, Is.Zero);
        var census = Directory.GetFiles(returns, "*.xml", SearchOption.AllDirectories);

        using var cli = new CliHarness(new Dictionary<string, string?> { ["Dashboard:Returns:CinCensus"] = string.Join(';', census) });
        var result = await cli.RunAsync("etl");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("Returns imported").And.Contain("succeeded"));
        Assert.That(result.Output, Does.Contain("is not in these sources (the CIN census)"), "the load warns on what the census cannot supply");
        Assert.That(File.Exists(cli.SourcePath), Is.True);
    }
}

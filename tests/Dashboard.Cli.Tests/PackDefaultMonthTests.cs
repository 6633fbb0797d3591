namespace Dashboard.Cli.Tests;

/// <summary>
/// `dashboard pack`, `indicators` and `exceptions` with no --month, on a council extracted on 4 March 2026: the default is
/// February, the latest complete month, never the few days of March; March may still be asked for and is then not rated.
/// </summary>
public sealed class PackDefaultMonthTests
{
    private CliHarness _cli = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        _cli = new CliHarness();
        var generate = await _cli.RunAsync("generate", "--preset", "scilly", "--as-of", "2026-03-04", "--out", _cli.SourcePath);
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString());
        var etl = await _cli.RunAsync("etl", "--as-of", "2026-03-04");
        Assert.That(etl.ExitCode, Is.Zero, etl.ToString());
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli.Dispose();

    [Test]
    public async Task A_pack_with_no_month_reports_the_latest_complete_month()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The councillor pack needs Debian's chromium: run ./.ci/setup.sh.");
        var folder = Path.Combine(_cli.Directory, "packs-default");
        var result = await _cli.RunAsync("pack", "--pack", "councillor", "--out", folder);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).ToArray(), Is.EqualTo(new[] { "councillor-2026-02.pdf" }));
    }

    [Test]
    public async Task A_pack_of_rolling_figures_ends_at_the_latest_complete_month_and_says_so()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The councillor pack needs Debian's chromium: run ./.ci/setup.sh.");
        var folder = Path.Combine(_cli.Directory, "packs-rolling");
        var result = await _cli.RunAsync("pack", "--pack", "councillor", "--length", "12", "--out", folder);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var pdf = Directory.GetFiles(folder).Single();
        Assert.That(Path.GetFileName(pdf), Is.EqualTo("councillor-2026-02-12-months.pdf"), "never overwrites the month's pack");
        var text = await PdfToText(pdf);
        Assert.That(text, Does.Contain("12 months to February 2026"));
        Assert.That(text, Does.Contain("Not judged on rolling figures"));
    }

    [Test]
    public async Task Rolling_figures_for_the_month_so_far_or_an_unknown_length_are_refused_in_one_sentence()
    {
        var running = await _cli.RunAsync("pack", "--pack", "councillor", "--length", "3", "--month", "2026-03", "--out", Path.Combine(_cli.Directory, "r1"));
        var unknown = await _cli.RunAsync("pack", "--pack", "councillor", "--length", "6", "--out", Path.Combine(_cli.Directory, "r2"));

        Assert.That(running.ExitCode, Is.Not.Zero);
        Assert.That(running.ToString(), Does.Contain("March 2026 is still running"));
        Assert.That(unknown.ExitCode, Is.Not.Zero);
        Assert.That(unknown.ToString(), Does.Contain("Must be one of: '1' '3' '12'"));
    }

    private static async Task<string> PdfToText(string pdf)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", pdf, "-"])
        {
            RedirectStandardOutput = true,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }

    [Test]
    public async Task Annex_A_with_no_month_lists_children_as_at_the_extract_date()
    {
        // Annex A is a list of children as at a date, not a month's rated figures: inspectors ask for it as it stands.
        var folder = Path.Combine(_cli.Directory, "annex-default");
        var result = await _cli.RunAsync("pack", "--pack", "annex-a", "--out", folder);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).ToArray(), Is.EqualTo(new[] { "annex-a-2026-03-04.xlsx" }));
    }

    [Test]
    public async Task Indicators_with_no_month_are_the_latest_complete_month_and_the_month_so_far_is_never_rated()
    {
        var byDefault = Rows(await _cli.RunAsync("indicators", "--indicator", "SEEN-01", "--format", "json"));
        var running = Rows(await _cli.RunAsync("indicators", "--month", "2026-03", "--format", "json"));

        Assert.That(byDefault.Select(r => r.GetProperty("period").GetString()).Distinct(), Is.EqualTo(new[] { "2026-02" }));
        Assert.That(running, Is.Not.Empty);
        Assert.That(running.Select(r => r.GetProperty("rag").GetString()).Where(r => r is not null), Is.Empty, "no rating for the month so far");
        Assert.That(running.Select(r => r.GetProperty("verdict").GetString()).Where(r => r is not null), Is.Empty, "no SPC verdict either");
    }

    [Test]
    public async Task A_small_council_monthly_figures_below_the_minimum_are_too_few_to_rate()
    {
        var rows = Rows(await _cli.RunAsync("indicators", "--format", "json"));

        Assert.That(rows.Count(r => r.GetProperty("rag").GetString() == "too few to rate"), Is.GreaterThan(0));
        foreach (var r in rows.Where(r => r.GetProperty("rag").GetString() is "green" or "amber" or "red"))
        {
            Assert.That(r.GetProperty("denominator").GetInt32(), Is.GreaterThanOrEqualTo(10), r.ToString());
        }
        Assert.That(rows.Where(r => r.GetProperty("rag").GetString() == "too few to rate").Select(r => r.GetProperty("denominator").GetInt32()),
            Is.All.LessThan(10));
    }

    private static List<System.Text.Json.JsonElement> Rows(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

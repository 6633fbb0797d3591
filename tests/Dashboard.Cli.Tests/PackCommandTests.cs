namespace Dashboard.Cli.Tests;

/// <summary>`dashboard pack` against a loaded Scilly warehouse: the files it writes and the sentences it fails with.</summary>
public sealed class PackCommandTests
{
    private CliHarness _cli = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        _cli = new CliHarness();
        var demo = await _cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        Assert.That(demo.ExitCode, Is.Zero, demo.ToString());
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli.Dispose();

    [Test]
    public async Task Annex_A_is_written_as_a_workbook_dated_at_the_month_end()
    {
        var folder = Path.Combine(_cli.Directory, "packs-annex");
        var result = await _cli.RunAsync("pack", "--pack", "annex-a", "--month", "2026-02", "--out", folder);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var file = Path.Combine(folder, "annex-a-2026-02-28.xlsx");
        Assert.That(File.Exists(file), Is.True, result.Output);
        Assert.That(File.ReadAllBytes(file)[..2], Is.EqualTo("PK"u8.ToArray()), "a zip package");
        Assert.That(result.Output, Does.Contain("OFFICIAL-SENSITIVE"));
    }

    [Test]
    public async Task The_councillor_pack_is_written_as_a_PDF()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The councillor pack needs Debian's chromium: run ./.ci/setup.sh.");
        var folder = Path.Combine(_cli.Directory, "packs-councillor");
        var result = await _cli.RunAsync("pack", "--pack", "councillor", "--month", "2026-03", "--out", folder);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var file = Path.Combine(folder, "councillor-2026-03.pdf");
        Assert.That(File.ReadAllBytes(file)[..4], Is.EqualTo("%PDF"u8.ToArray()));
    }

    [Test]
    public async Task A_pack_made_by_hand_names_the_council_the_load_stored_not_your_council()
    {
        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/pdftotext")) Assert.Ignore("Needs Debian's chromium and poppler-utils: run ./.ci/setup.sh.");
        // The demo names its council only in its own process; this command runs without that setting, as a person's would.
        var folder = Path.Combine(_cli.Directory, "packs-named");
        var result = await _cli.RunAsync("pack", "--pack", "councillor", "--month", "2026-03", "--out", folder);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var text = await PdfText(Path.Combine(folder, "councillor-2026-03.pdf"));
        Assert.That(text, Does.Contain("Synthetic Borough (demo data)"));
        Assert.That(text, Does.Not.Contain("Your council"));
    }

    private static async Task<string> PdfText(string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        info.ArgumentList.Add("-");
        using var process = System.Diagnostics.Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    [TestCase("pdf")]
    [TestCase("xlsx")]
    public async Task The_monitoring_visit_pack_is_written_in_either_format_and_marked(string format)
    {
        if (format == "pdf" && !File.Exists("/usr/bin/chromium")) Assert.Ignore("The PDF needs Debian's chromium: run ./.ci/setup.sh.");
        var folder = Path.Combine(_cli.Directory, $"packs-monitoring-{format}");
        var result = await _cli.RunAsync("pack", "--pack", "monitoring", "--month", "2026-03", "--format", format, "--out", folder);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var file = Path.Combine(folder, $"monitoring-2026-03.{format}");
        Assert.That(File.ReadAllBytes(file)[..2], Is.EqualTo((format == "pdf" ? "%P"u8 : "PK"u8).ToArray()));
        Assert.That(result.Output, Does.Contain("OFFICIAL-SENSITIVE"));
    }

    [Test]
    public async Task A_format_the_pack_does_not_come_in_is_one_sentence()
    {
        var result = await _cli.RunAsync("pack", "--pack", "councillor", "--format", "xlsx", "--out", Path.Combine(_cli.Directory, "y"));
        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("comes as pdf, not xlsx"));
    }

    [Test]
    public async Task A_folder_that_cannot_be_written_is_one_sentence_and_leaves_nothing()
    {
        var blocker = Path.Combine(_cli.Directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");
        var result = await _cli.RunAsync("pack", "--pack", "annex-a", "--out", Path.Combine(blocker, "inside"));
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith("The pack cannot be written to the folder"));
    }

    [TestCase("2026-13", 2, "--month is '2026-13'")]
    [TestCase("2031-01", 1, "2031-01 is after the data's extract date")]
    public async Task A_bad_month_is_one_sentence(string month, int exitCode, string message)
    {
        var result = await _cli.RunAsync("pack", "--pack", "annex-a", "--month", month, "--out", Path.Combine(_cli.Directory, "x"));
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        Assert.That(result.Error, Does.Contain(message));
    }

    [Test]
    public async Task A_pack_that_does_not_exist_is_a_usage_error()
    {
        var result = await _cli.RunAsync("pack", "--pack", "weekly", "--out", _cli.Directory);
        Assert.That(result.ExitCode, Is.EqualTo(2));
    }
}

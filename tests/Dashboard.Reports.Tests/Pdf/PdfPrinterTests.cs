using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Pdf;

/// <summary>What a person can get wrong when making a pack gives one sentence naming the thing, not a stack trace.</summary>
[TestFixture]
public sealed class PdfPrinterTests
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"pdf-printer-tests-{Environment.ProcessId}-{TestContext.CurrentContext.Test.ID}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void A_missing_chromium_is_named_with_how_to_install_it()
    {
        var missing = Path.Combine(_folder, "no-chromium-here");
        var e = Assert.ThrowsAsync<ChromiumUnavailableException>(() => PdfPrinter.StartAsync(missing));
        Assert.That(e!.Message, Is.EqualTo($"Chromium was not found at {missing}: install the chromium package (./.ci/setup.sh)."));
    }

    [Test]
    public async Task A_pack_into_a_folder_that_cannot_be_made_names_the_folder_and_leaves_nothing()
    {
        // A path under an ordinary file cannot become a folder, even for root (who can write anywhere else).
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var output = Path.Combine(file, "packs");
        var context = await ContextAsync(PackCouncil.Scilly);
        var e = Assert.ThrowsAsync<PackOutputException>(() => CouncillorPack.WritePdfAsync(context, output));
        Assert.That(e!.Message, Does.StartWith($"The pack cannot be written to the folder {output}"));
    }

    [Test]
    public async Task A_month_with_no_figures_names_the_months_there_are()
    {
        var context = await ContextAsync(PackCouncil.Scilly) with { Month = new Month(2019, 1) };
        var e = Assert.ThrowsAsync<PackDataException>(() => CouncillorPack.WritePdfAsync(context, Path.Combine(_folder, "out")));
        Assert.That(e!.Message, Does.StartWith("There are no figures to report for 2019-01: figures are offered from ").And.EndWith(" to March 2026 (2026-03)."));
        Assert.That(Directory.Exists(Path.Combine(_folder, "out")), Is.False, "nothing is created for a pack that cannot be made");
    }

    [Test]
    public async Task A_reports_folder_without_the_print_stylesheet_is_named()
    {
        PdfTools.RequireTools();
        var reports = Path.Combine(_folder, "reports");
        Directory.CreateDirectory(Path.Combine(reports, "packs"));
        File.Copy(Path.Combine(PdfTools.RepositoryRoot(), "reports", CouncillorPackDefinition.RelativePath), Path.Combine(reports, CouncillorPackDefinition.RelativePath));
        var context = await ContextAsync(PackCouncil.Scilly) with { ReportsFolder = reports };
        var e = Assert.ThrowsAsync<PackDefinitionException>(() => CouncillorPack.WritePdfAsync(context, Path.Combine(_folder, "out")));
        Assert.That(e!.Message, Does.StartWith($"{Path.Combine(reports, "print.css")} could not be read"));
        Assert.That(Directory.GetFiles(Path.Combine(_folder, "out")), Is.Empty, "the half-made file is removed");
    }

    private async Task<PackContext> ContextAsync(PackCouncil council)
    {
        var db = await PackTestWarehouse.CopyAsync(council, Path.Combine(_folder, "db"));
        return new PackContext(Warehouse.Connect(PackTestWarehouse.Target(db)), IndicatorSettings.Default) { Time = PackTestWarehouse.Clock() };
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Suppression;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Councillor;

/// <summary>
/// Makes the councillor pack for the Scilly (tiny) and Small councils for the latest month and reads the PDFs back
/// with poppler: metadata, the figures against the stored results, suppression and no child-level data.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class CouncillorPackTests
{
    private sealed record Produced(string Pdf, CouncillorPackModel Model, IConnectionFactory Warehouse, string Text, IReadOnlyList<string> Pages);

    private readonly Dictionary<PackCouncil, Produced> _packs = [];
    private string _folder = "";

    /// <summary>A finding per theme on the Small council, so "what is being done" has something to choose from.</summary>
    private static string FindingTitle(Theme theme) => $"Finding on {theme.Describe().ToLowerInvariant()}";

    /// <summary>Every other theme has an action recorded, so page 1 shows both ways of answering "what is being done".</summary>
    private static string? ActionFor(Theme theme) => (int)theme % 2 == 0 ? $"Action on {theme.Describe().ToLowerInvariant()} is under way. Detail stays off page 1." : null;

    [OneTimeSetUp]
    public async Task MakePacksAsync()
    {
        PdfTools.RequireTools();
        _folder = Path.Combine(Path.GetTempPath(), $"councillor-pack-tests-{Environment.ProcessId}");
        foreach (var council in Enum.GetValues<PackCouncil>())
        {
            var db = await PackTestWarehouse.CopyAsync(council, Path.Combine(_folder, council.ToString()));
            var warehouse = Warehouse.Connect(PackTestWarehouse.Target(db));
            if (council == PackCouncil.Small)
            {
                var store = new FindingStore(warehouse, PackTestWarehouse.Clock());
                foreach (var theme in Enum.GetValues<Theme>())
                {
                    await store.AddAsync(new FindingDraft(new DateOnly(2025, 11, 20), theme, FindingTitle(theme),
                        "Inspectors found this needed work. A second sentence is left off page 1.", [], ActionFor(theme)), "lead");
                }
            }
            var context = new PackContext(warehouse, IndicatorSettings.Default with { CouncilName = $"{council} Test Council" })
            {
                Time = PackTestWarehouse.Clock(),
            };
            var model = await CouncillorPack.BuildAsync(context);
            var pdf = await CouncillorPack.WritePdfAsync(context, Path.Combine(_folder, council.ToString(), "out"));
            await PdfTools.RenderFirstPagesAsync(pdf, $"councillor-{council.ToString().ToLowerInvariant()}");
            var text = await PdfTools.TextAsync(pdf);
            // pdftotext ends each page with a form feed.
            _packs[council] = new Produced(pdf, model, warehouse, Normalise(text), [.. text.Split('\f').Select(Normalise)]);
        }
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task The_pdf_is_a_tagged_A4_document_titled_as_the_pack_with_no_author(PackCouncil council)
    {
        var (pdf, model, _, _, _) = _packs[council];
        var info = await PdfTools.InfoAsync(pdf);
        var sections = model.Pages.Count;
        // The catalogue's language and outline (bookmarks from the headings) are plain text in Chromium's PDF.
        var raw = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        Assert.Multiple(() =>
        {
            Assert.That(info["Tagged"], Is.EqualTo("yes"));
            Assert.That(info["Title"], Is.EqualTo("Children's services monthly report for councillors: March 2026"));
            Assert.That(info["Page size"], Does.EndWith("(A4)"));
            // A summary page, then every theme on a page of its own (a long theme may run onto a second), then the key to the charts.
            Assert.That(int.Parse(info["Pages"], CultureInfo.InvariantCulture), Is.InRange(2 + sections, 2 + (2 * sections)));
            Assert.That(info.ContainsKey("Author") ? info["Author"] : "", Is.Empty);
            Assert.That(raw, Does.Contain("/Lang (en-GB)"));
            Assert.That(raw, Does.Contain("/Outlines"));
            Assert.That(info.Where(kv => kv.Key is "Title" or "Subject" or "Keywords" or "Author").Select(kv => kv.Value),
                Has.None.Contains("/tmp").And.None.Contains(PdfTools.RepositoryRoot()));
        });
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void Each_theme_starts_a_page_in_the_order_of_the_definition(PackCouncil council)
    {
        var (_, model, _, _, pages) = _packs[council];
        var top = $"{council} Test Council Councillors' monthly report: March 2026 ";
        var starts = model.Pages.Select(p => pages.ToList().FindIndex(text => text.TrimStart().StartsWith(top + p.Section.Heading, StringComparison.Ordinal))).ToList();
        Assert.That(starts, Has.None.LessThan(1), "every theme heading opens a page after the summary");
        Assert.That(starts, Is.Ordered.Ascending);
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task Every_page_carries_the_council_the_pack_the_period_and_its_page_number(PackCouncil council)
    {
        var (pdf, _, _, _, _) = _packs[council];
        var pages = int.Parse((await PdfTools.InfoAsync(pdf))["Pages"], CultureInfo.InvariantCulture);
        for (var page = 1; page <= pages; page++)
        {
            var text = Normalise(await PdfTools.TextAsync(pdf, page));
            Assert.That(text, Does.Contain($"{council} Test Council").And.Contain("Councillors' monthly report: March 2026")
                .And.Contain($"Page {page} of {pages}"), $"page {page}");
        }
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task Each_figure_is_printed_as_stored_after_suppression(PackCouncil council)
    {
        var (_, model, warehouse, _, pages) = _packs[council];
        var stored = (await new ScopeSeriesQueries(warehouse).ScopeAsync("council", "council", "2026-03", "2026-03")).ToDictionary(r => r.IndicatorId);
        var shown = 0;
        Assert.Multiple(() =>
        {
            foreach (var definition in model.Indicators.Select(i => i.Definition))
            {
                var (value, counts) = Expected(stored.GetValueOrDefault(definition.Id), definition);
                // The counts in the definition's words are unique to the indicator; its theme page also prints the value
                // (pdftotext may read the chart before or after the figures beside it, so the page is the unit).
                var phrase = counts.Length == 0 ? "Not available" : $"{counts} {FirstWord(definition.Denominator)}";
                var page = pages.Skip(1).FirstOrDefault(p => p.Contains(definition.Title + " ", StringComparison.Ordinal) && p.Contains(phrase, StringComparison.Ordinal));
                Assert.That(page, Is.Not.Null, $"{definition.Id}: no theme page has its title and '{phrase}'");
                Assert.That(page, Does.Contain(" " + value + " "), definition.Id);
                if (value != "c" && value != "x") shown++;
            }
        });
        // Small's figures are mostly large; even Scilly has some with no small count.
        Assert.That(shown, Is.GreaterThanOrEqualTo(council == PackCouncil.Small ? 20 : 3));
        Assert.That(model.Figures.Month, Is.EqualTo(new Month(2026, 3)));
    }

    /// <summary>The stored headline as the pack prints it: the value, and "n of m" with Core's suppression of small counts.</summary>
    private static (string Value, string Counts) Expected(StoredIndicator? row, IndicatorDefinition definition)
    {
        if (row is null || row.NotAvailable is not null) return ("x", "");
        var unit = row.Numerator > row.Denominator ? IndicatorUnit.Average : definition.Unit;
        var published = FigureSuppression.Apply(row.Numerator, row.Denominator, unit, SuppressionRule.Default);
        var value = published.ValueStatus == CellStatus.Shown ? IndicatorValue.Format(definition.Unit, row.Value) : published.ValueText;
        var joiner = definition.Unit == IndicatorUnit.Average ? "across" : "of";
        return (value, $"{published.Numerator.Text} {joiner} {published.Denominator.Text}");
    }

    [Test]
    public void The_scilly_pack_hides_every_count_from_1_to_5_and_says_so()
    {
        var text = _packs[PackCouncil.Scilly].Text;
        var figures = CountsPattern().Matches(text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(figures, Has.Count.GreaterThan(20), "the figures print as 'n of m'");
            Assert.That(figures.Where(m => m.Groups["num"].Value == "c" || m.Groups["den"].Value == "c"), Is.Not.Empty, "Scilly has small counts to hide");
            Assert.That(figures.Where(m => IsSmall(m.Groups["num"].Value) || IsSmall(m.Groups["den"].Value)).Select(m => m.Value), Is.Empty);
            Assert.That(text, Does.Contain(SuppressionRule.Default.Describe()));
            Assert.That(text, Does.Contain("confidential: a small count"));
        });
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void No_child_identifier_appears(PackCouncil council) =>
        Assert.That(PersonIdPattern().Matches(_packs[council].Text).Select(m => m.Value), Is.Empty);

    [Test]
    public void The_summary_links_findings_to_the_themes_that_got_worse_only()
    {
        var (pdf, model, _, text, _) = _packs[PackCouncil.Small];
        var worse = model.Summary.WorseThemes;
        Assert.Multiple(() =>
        {
            foreach (var theme in Enum.GetValues<Theme>())
            {
                var title = FindingTitle(theme);
                if (!worse.Contains(theme)) Assert.That(text, Does.Not.Contain(title), theme.ToString());
            }
            // The newest findings on the themes that got worse, as many as page 1 has room for.
            Assert.That(model.Summary.BeingDone, Has.Count.EqualTo(Math.Min(worse.Count, MonthSummary.MaxFindings)));
            foreach (var finding in model.Summary.BeingDone)
            {
                Assert.That(worse, Does.Contain(finding.Theme));
                Assert.That(text, Does.Contain(finding.Title));
                // What was recorded, or that nothing was; never the finding's own words again.
                Assert.That(finding.Action, Is.EqualTo(ActionFor(finding.Theme) is { } action ? action[..(action.IndexOf(". ", StringComparison.Ordinal) + 1)] : null));
            }
            if (model.Summary.BeingDone.Any(f => f.Action is null)) Assert.That(text, Does.Contain("No action has been recorded for this finding yet."));
            foreach (var done in model.Summary.BeingDone.Where(f => f.Action is not null)) Assert.That(text, Does.Contain(done.Action));
            Assert.That(text, Does.Not.Contain("Inspectors found this needed work"), "the finding is not repeated under what is being done");
            if (worse.Count == 0) Assert.That(text, Does.Contain("Nothing got clearly worse this month"));
            Assert.That(text, Does.Not.Contain("A second sentence"), "page 1 keeps findings short");
            Assert.That(text, Does.Contain("Small Test Council · March 2026 · produced 1 April 2026"));
        });
        Assert.That(pdf, Does.EndWith("councillor-2026-03.pdf"));
    }

    [Test]
    public async Task The_summary_is_one_page()
    {
        var (pdf, model, _, _, _) = _packs[PackCouncil.Small];
        var page2 = Normalise(await PdfTools.TextAsync(pdf, 2));
        Assert.That(page2, Does.Contain(model.Pages[0].Section.Heading));
        Assert.That(page2, Does.Not.Contain("What is being done"));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task Each_chart_s_numbers_reach_the_tagged_pdf_as_its_figure_s_alternative_text(PackCouncil council)
    {
        var (pdf, model, _, _, _) = _packs[council];
        var charts = model.Pages.SelectMany(p => p.Panels).Select(p => p.Chart).OfType<Dashboard.Charts.ChartSpec>().ToList();
        Assert.That(charts, Is.Not.Empty);
        // Chromium writes an ASCII /Alt as a literal string, uncompressed, in the structure tree's objects.
        var bytes = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        Assert.That(AltPattern().Matches(bytes), Has.Count.EqualTo(charts.Count), "one /Alt per chart");
        var chart = charts.First(c => c.Table.Caption.All(char.IsAscii) && c.Table.Rows[0].All(cell => cell.All(char.IsAscii)));
        var row = chart.Table.Rows[0];
        Assert.That(bytes, Does.Contain($"/Alt ({chart.Table.Caption}. {row[0]}: {chart.Table.Headers[1].ToLowerInvariant()} {row[1]}"), chart.Id);
        // The hidden table it replaces is gone from the print page: it never reached the PDF, and doubled the print time.
        Assert.That(await CouncillorPack.RenderHtmlAsync(model, PrintAssets.Load(ReportsFolder.Locate())), Does.Not.Contain("<table"));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void The_key_to_hidden_figures_is_on_page_1_where_every_footer_points(PackCouncil council)
    {
        var (_, _, _, _, pages) = _packs[council];
        var printed = pages.Where(p => p.Trim().Length > 0).ToList();
        Assert.That(printed.Where(p => !p.Contains("(key on page 1)", StringComparison.Ordinal)), Is.Empty, "every footer points to page 1");
        var key = printed[0].IndexOf("About hidden figures", StringComparison.Ordinal);
        Assert.That(key, Is.GreaterThan(0), "the key is on page 1");
        foreach (var (symbol, meaning) in Dashboard.Core.Suppression.SuppressionRule.SymbolKey)
        {
            // The key is a grid of four: its first words are enough to show each symbol's meaning is on the page.
            Assert.That(printed[0], Does.Contain(string.Join(' ', meaning.Split(' ').Take(2))), $"symbol {symbol} is explained on page 1");
        }
        // Above the lists, whose length has no bound: a long month (a large council's findings) cannot push it to page 2.
        Assert.That(key, Is.LessThan(printed[0].IndexOf("What improved", StringComparison.Ordinal)));
        Assert.That(printed.Skip(1).Where(p => p.Contains("About hidden figures", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void The_last_page_is_the_key_to_the_charts_words_from_the_one_glossary(PackCouncil council)
    {
        var (_, _, _, _, pages) = _packs[council];
        // The key starts a page after everything else and runs to the end.
        var start = pages.ToList().FindLastIndex(p => p.Contains("Reading the charts: the words used", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThan(0));
        Assert.That(pages.Skip(start + 1).Any(p => p.Contains("Page 1 of", StringComparison.Ordinal)), Is.False);
        var key = string.Join(" ", pages.Skip(start));
        foreach (var term in Dashboard.Core.Glossary.StatisticsTerms.Entries) Assert.That(key, Does.Contain(term.Term), term.Term);
        Assert.That(pages[0], Does.Contain("the last page explains the charts' words"));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void Verdicts_speak_plain_english_and_technical_terms_are_only_in_the_key(PackCouncil council)
    {
        var (_, model, _, _, pages) = _packs[council];
        var body = string.Join(" ", pages.Where(p => !p.Contains("Reading the charts: the words used", StringComparison.Ordinal)));
        Assert.That(body, Does.Not.Match("(?i)special.cause|common cause|process mean|reliably|could go either way|significant change"));
        foreach (var trend in model.Indicators)
        {
            Assert.That(body, Does.Contain(trend.VariationWords), trend.Definition.Id);
        }
    }

    /// <summary>The denominator's first word as the pack prints it ("Looked-after" becomes "looked-after"; "CP" stays).</summary>
    private static string FirstWord(string noun)
    {
        var word = noun.Split(' ')[0];
        return word.Length > 1 && char.IsUpper(word[1]) ? word : word.ToLowerInvariant();
    }

    private static bool IsSmall(string count) =>
        int.TryParse(count, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5;

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ");

    [GeneratedRegex(@"/Alt\s*[(<]")]
    private static partial Regex AltPattern();

    // "12 of 40", "c of 40", "823 across 45": every count the pack prints for a figure. The SPC rule name
    // "2 of 3 beyond 2 sigma" is a rule, not a count, and is left out.
    [GeneratedRegex(@"(?<![\w.,])(?<!Page )(?<num>\d[\d,]*|c) (?:of|across) (?<den>\d[\d,]*|c)(?![\w.,%])(?! beyond)")]
    private static partial Regex CountsPattern();

    [GeneratedRegex(@"\bP\d{3,}\b")]
    private static partial Regex PersonIdPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Monitoring;
using Dashboard.Reports.Pdf;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Monitoring;

/// <summary>
/// Makes the monitoring-visit pack for the Small and Scilly councils (and Scilly with no findings recorded) and reads
/// the PDFs back with poppler as a person would: metadata, the marking on every page, each finding on its own page,
/// the figures against the stored results read back by the general queries, bookmarks, and the data quality statement.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class MonitoringPdfTests
{
    private sealed record Produced(string Pdf, MonitoringPackModel Model, IConnectionFactory Warehouse, string Text, IReadOnlyList<string> Pages);

    private readonly Dictionary<PackCouncil, Produced> _packs = [];
    private Produced _noFindings = default!;
    private string _folder = "";

    [OneTimeSetUp]
    public async Task MakePacksAsync()
    {
        PdfTools.RequireTools();
        _folder = Path.Combine(Path.GetTempPath(), $"monitoring-pdf-tests-{Environment.ProcessId}");
        foreach (var council in Enum.GetValues<PackCouncil>())
        {
            _packs[council] = await MakeAsync(council, council.ToString(), withFindings: true);
        }
        _noFindings = await MakeAsync(PackCouncil.Scilly, "no-findings", withFindings: false);
    }

    private async Task<Produced> MakeAsync(PackCouncil council, string name, bool withFindings)
    {
        var (warehouse, context) = await MonitoringTestData.PrepareAsync(council, Path.Combine(_folder, name), withFindings);
        var model = await MonitoringPack.BuildAsync(context);
        var pdf = await MonitoringPack.WritePdfAsync(context, Path.Combine(_folder, name, "out"));
        await PdfTools.RenderFirstPagesAsync(pdf, $"monitoring-{name.ToLowerInvariant()}");
        // The whole PDF beside the renders, for a person to page through (artifacts/ is not committed).
        File.Copy(pdf, Path.Combine(PdfTools.RepositoryRoot(), "artifacts", "packs", $"monitoring-{name.ToLowerInvariant()}.pdf"), overwrite: true);
        var text = await PdfTools.TextAsync(pdf);
        // pdftotext ends each page with a form feed.
        return new Produced(pdf, model, warehouse, Normalise(text), [.. text.Split('\f').Select(Normalise)]);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task The_pdf_is_a_tagged_A4_document_titled_as_the_pack_with_no_author_or_path(PackCouncil council)
    {
        var (pdf, model, _, _, _) = _packs[council];
        var info = await PdfTools.InfoAsync(pdf);
        var raw = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        Assert.Multiple(() =>
        {
            Assert.That(info["Tagged"], Is.EqualTo("yes"));
            Assert.That(info["Title"], Is.EqualTo(model.DocumentTitle));
            Assert.That(info["Title"], Is.EqualTo("Monitoring visit evidence pack: March 2026"));
            Assert.That(info["Page size"], Does.EndWith("(A4)"));
            Assert.That(info.ContainsKey("Author") ? info["Author"] : "", Is.Empty);
            Assert.That(raw, Does.Contain("/Lang (en-GB)"));
            Assert.That(raw, Does.Contain("/Outlines"));
            Assert.That(info.Where(kv => kv.Key is "Title" or "Subject" or "Keywords" or "Author" or "Creator" or "Producer").Select(kv => kv.Value),
                Has.None.Contains("/tmp").And.None.Contains(PdfTools.RepositoryRoot()));
        });
        Assert.That(pdf, Does.EndWith(MonitoringPack.FileName(model.Month)).And.EndWith("monitoring-2026-03.pdf"));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task Every_page_carries_the_marking_the_council_the_pack_and_its_page_number(PackCouncil council)
    {
        var (pdf, _, _, _, _) = _packs[council];
        var pages = int.Parse((await PdfTools.InfoAsync(pdf))["Pages"], CultureInfo.InvariantCulture);
        Assert.That(pages, Is.GreaterThan(MonitoringTestData.Findings.Count + 2));
        for (var page = 1; page <= pages; page++)
        {
            var text = Normalise(await PdfTools.TextAsync(pdf, page));
            Assert.That(text, Does.Contain(MonitoringPackModel.ProtectiveMarking).And.Contain($"{council} Test Council")
                .And.Contain("Monitoring visit evidence pack: March 2026").And.Contain($"Page {page} of {pages}"), $"page {page}");
        }
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void Page_one_has_the_marking_the_contents_and_a_line_per_finding_of_the_latest_letter(PackCouncil council)
    {
        var (_, model, _, text, pages) = _packs[council];
        var first = pages[0];
        Assert.Multiple(() =>
        {
            // pdftotext may read the page header between the marking and its sentence.
            Assert.That(first, Does.Contain("OFFICIAL-SENSITIVE").And.Contain("This pack names children. Share it only with the inspection team"));
            Assert.That(first, Does.Contain(model.DocumentTitle));
            Assert.That(first, Does.Contain($"{council} Test Council · March 2026"));
            Assert.That(first, Does.Contain("produced 1 April 2026"));
            Assert.That(first, Does.Contain(Normalise(model.Definition.Intro)));
            Assert.That(first, Does.Contain("Contents"));
            foreach (var heading in new[] { "Threshold decisions", "Multi-agency working", "Exception lists", "Data quality" })
            {
                Assert.That(first, Does.Contain(heading), heading);
            }
            Assert.That(first, Does.Contain("Ofsted's letter of 18 September 2025 made 4 findings"));
            foreach (var (_, title, indicators) in MonitoringTestData.Findings)
            {
                Assert.That(first, Does.Contain(title), title);
                Assert.That(first, Does.Contain(indicators.Length == 1 ? "1 measure since the letter: " : $"{indicators.Length} measures since the letter: "));
            }
            Assert.That(text, Does.Not.Contain(MonitoringTestData.OlderFindingTitle));
            Assert.That(text, Does.Not.Contain("No findings have been recorded"));
        });
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void Each_finding_starts_a_page_in_order_then_the_other_sections(PackCouncil council)
    {
        var (_, model, _, _, pages) = _packs[council];
        var top = $"{council} Test Council Monitoring visit evidence pack: March 2026 ";
        var findings = model.Letter.Findings;
        var starts = findings.Select((f, i) => StartOf(pages, top + $"Finding {i + 1} of {findings.Count} · Ofsted letter of 18 September 2025 {f.Finding.Title}")).ToList();
        var sections = new[] { "Threshold decisions", "Multi-agency working", "Exception lists", "Data quality" }.Select(h => StartOf(pages, top + h)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(starts, Has.None.LessThan(1), "every finding opens a page after page 1");
            Assert.That(sections, Has.None.LessThan(1), "every section opens a page");
            Assert.That(starts.Concat(sections), Is.Ordered.Ascending);
        });
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task Each_linked_measure_prints_its_figure_and_counts_now_and_at_the_letter_as_stored(PackCouncil council)
    {
        var (_, model, warehouse, _, pages) = _packs[council];
        var stored = new IndicatorQueries(warehouse);
        var month = model.Month.ToString();
        var letter = "2025-09";
        var checkedFigures = 0;
        foreach (var (finding, index) in model.Letter.Findings.Select((f, i) => (f, i)))
        {
            var text = FindingText(model, pages, index);
            foreach (var id in MonitoringTestData.Findings.Single(f => f.Title == finding.Finding.Title).Indicators)
            {
                var definition = IndicatorCatalogue.Get(id).Definition;
                var now = (await stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "council", FromPeriod = month, ToPeriod = month })).Single();
                var then = (await stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "council", FromPeriod = letter, ToPeriod = letter })).Single();
                Assert.Multiple(() =>
                {
                    Assert.That(text, Does.Contain(definition.Title), id);
                    // pdftotext reads a table's cells in an order of its own, so each figure is looked for in the finding's pages.
                    Assert.That(text, Does.Contain("Now: March 2026").And.Contain("At the letter: September 2025"), id);
                    Assert.That(text, Does.Contain($" {Shown(now, definition)} "), $"{id}: now");
                    Assert.That(text, Does.Contain($" {Shown(then, definition)} "), $"{id}: at the letter");
                    if (now.NotAvailable is null) Assert.That(text, Does.Contain(Counts(now, definition)), $"{id}: counts now");
                    if (then.NotAvailable is null) Assert.That(text, Does.Contain(Counts(then, definition)), $"{id}: counts at the letter");
                    Assert.That(text, Does.Contain($"{definition.Title} by team"), $"{id}: team table");
                });
                checkedFigures++;
            }
        }
        Assert.That(checkedFigures, Is.EqualTo(MonitoringTestData.Findings.Sum(f => f.Indicators.Length)));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void The_charts_say_they_run_since_the_letter(PackCouncil council)
    {
        var (_, model, _, text, _) = _packs[council];
        var charts = model.Letter.Findings.SelectMany(f => f.Indicators).Count(i => i.ChartSinceLetter);
        Assert.That(charts, Is.GreaterThan(0));
        Assert.That(Regex.Count(text, "Monthly figures since the letter of 18 September 2025"), Is.EqualTo(charts));
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task The_bookmarks_hold_the_title_the_findings_and_the_sections(PackCouncil council)
    {
        var (pdf, model, _, _, _) = _packs[council];
        // Chromium drops the space where a long heading wrapped, so titles are compared without spaces.
        var bookmarks = OutlineTitles(await File.ReadAllBytesAsync(pdf)).Select(NoSpaces).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bookmarks, Does.Contain(NoSpaces(model.DocumentTitle)));
            foreach (var f in model.Letter.Findings) Assert.That(bookmarks, Does.Contain(NoSpaces(f.Finding.Title)));
            foreach (var heading in new[] { "Threshold decisions", "Multi-agency working", "Exception lists", "Data quality" })
            {
                Assert.That(bookmarks, Does.Contain(NoSpaces(heading)));
            }
            Assert.That(bookmarks, Does.Contain(NoSpaces(IndicatorCatalogue.Get("SEEN-01").Definition.Title)));
            Assert.That(bookmarks, Does.Not.Contain(NoSpaces(MonitoringTestData.OlderFindingTitle)));
        });
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public void The_pack_ends_with_the_key_to_the_charts_listed_in_the_contents(PackCouncil council)
    {
        var (_, model, _, _, pages) = _packs[council];
        // The key starts a page after everything else and runs to the end.
        var start = pages.ToList().FindLastIndex(p => p.Contains("Reading the charts: the words used", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThan(0));
        Assert.That(pages.Skip(start + 1).Any(p => p.Contains("Page 1 of", StringComparison.Ordinal)), Is.False);
        var key = string.Join(" ", pages.Skip(start));
        foreach (var term in Dashboard.Core.Glossary.StatisticsTerms.Entries) Assert.That(key, Does.Contain(term.Term), term.Term);
        Assert.That(pages[0], Does.Contain("Reading the charts: the words used").And.Contain("explained on the last page"));
        var body = string.Join(" ", pages.Where(p => !p.Contains("Reading the charts: the words used", StringComparison.Ordinal) || p == pages[0]));
        Assert.That(body, Does.Not.Match("(?i)special.cause|common cause|process mean|reliably (met|missed)|could go either way|significant change"));
        foreach (var f in model.Letter.Findings.SelectMany(f => f.Indicators))
        {
            Assert.That(body, Does.Contain(f.Trend.VerdictSentence), f.Definition.Id);
        }
    }

    [Test]
    public void The_threshold_partner_and_exception_sections_show_their_measures()
    {
        var (_, model, _, text, _) = _packs[PackCouncil.Small];
        Assert.Multiple(() =>
        {
            foreach (var t in model.Thresholds)
            {
                Assert.That(text, Does.Contain($"{t.Definition.Title} by team,"), t.Definition.Id);
                if (t.CouncilRate is { } rate)
                {
                    Assert.That(text, Does.Contain($"The council's rate over the same months is {IndicatorValue.Format(IndicatorUnit.Percent, rate * 100m)}"));
                }
            }
            foreach (var p in model.Partners)
            {
                Assert.That(text, Does.Contain($"{p.Definition.Title} by agency: March 2026 and the 12 months to it"), p.Definition.Id);
                foreach (var a in p.Agencies) Assert.That(text, Does.Contain(a.AgencyName), a.Agency);
            }
            Assert.That(text, Does.Contain("The full lists are in the Excel workbook that comes with this pack."));
            foreach (var e in model.Exceptions) Assert.That(text, Does.Contain(e.Definition.Title), e.Definition.Id);
        });
    }

    [Test]
    public async Task An_exception_rows_child_is_named_and_the_oversight_list_has_no_child_column()
    {
        var (_, model, warehouse, text, _) = _packs[PackCouncil.Small];
        var rows = await new IndicatorQueries(warehouse).ExceptionsAsync("SEEN-01", model.Month.ToString(), teamId: null, limit: 100_000);
        var named = model.Exceptions.Single(e => e.Definition.Id == "SEEN-01");
        Assert.That(rows.Select(r => r.PersonId), Does.Contain(named.Longest[0].PersonId), "the pack's longest row is a stored row");
        Assert.That(text, Does.Contain(named.Longest[0].PersonId!));
        var oversight = model.Exceptions.Single(e => e.Definition.Id == "OVERSIGHT-02");
        Assert.That(oversight.NamesChildren, Is.False);
        var html = await MonitoringPack.RenderHtmlAsync(model, PrintAssets.Load(Path.Combine(PdfTools.RepositoryRoot(), "reports")));
        var article = Article(html, oversight.Definition.Title);
        Assert.That(article, Does.Not.Contain("<th scope=\"col\">Child</th>"));
        Assert.That(Article(html, named.Definition.Title), Does.Contain("<th scope=\"col\">Child</th>"));
        Assert.That(article, Does.Contain("higher than the council").Or.Contain("lower than the council"),
            "an outlier row says which way the team or worker differs, never 'rate within the limits'");
        Assert.That(article, Does.Not.Contain("within the council"));
        if (article.Contains("<th scope=\"col\">What", StringComparison.Ordinal))
        {
            Assert.That(article, Does.Contain("<th scope=\"col\">What happened</th>"));
        }
    }

    [TestCase(PackCouncil.Scilly)]
    [TestCase(PackCouncil.Small)]
    public async Task The_data_quality_statement_gives_the_load_and_the_quarantined_total_but_no_source_path(PackCouncil council)
    {
        var (_, _, warehouse, text, _) = _packs[council];
        var audit = new LoadAuditQueries(warehouse);
        var load = (await audit.LastSucceededAsync())!;
        var tables = await audit.TablesAsync([load.LoadId]);
        var quarantined = tables.Sum(t => t.RowsQuarantined);
        var read = tables.Sum(t => t.RowsRead);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"{quarantined.ToString("N0", CultureInfo.InvariantCulture)} of {read.ToString("N0", CultureInfo.InvariantCulture)} rows read were quarantined."));
            Assert.That(text, Does.Contain($"The figures in this pack come from load {load.LoadId}, which finished "));
            Assert.That(text, Does.Contain($"the {PackText.Provider(load.SourceProvider)} extract"));
            Assert.That(text, Does.Contain("the dashboard's Data quality page"));
            foreach (var table in tables) Assert.That(text, Does.Contain(table.SourceTable), table.SourceTable);
            if (load.SourceDescription.Length > 0) Assert.That(text, Does.Not.Contain(load.SourceDescription));
            Assert.That(text, Does.Not.Contain("/tmp").And.Not.Contain(PdfTools.RepositoryRoot()));
        });
    }

    [Test]
    public async Task Every_table_has_a_caption_and_column_headers()
    {
        var model = _packs[PackCouncil.Small].Model;
        var html = await MonitoringPack.RenderHtmlAsync(model, PrintAssets.Load(Path.Combine(PdfTools.RepositoryRoot(), "reports")));
        var tables = TablePattern().Matches(html).Select(m => m.Value).Where(t => t.Contains("mp-table", StringComparison.Ordinal)).ToList();
        Assert.That(tables, Has.Count.GreaterThan(10));
        Assert.That(tables.Where(t => !t.Contains("<caption>", StringComparison.Ordinal) || !t.Contains("<th scope=\"col\"", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_month_still_running_says_whose_figures_to_which_date()
    {
        var model = _packs[PackCouncil.Small].Model;
        var running = model with { Figures = model.Figures with { AsAt = new DateOnly(2026, 3, 20) } };
        var assets = PrintAssets.Load(Path.Combine(PdfTools.RepositoryRoot(), "reports"));
        var html = await MonitoringPack.RenderHtmlAsync(running, assets);
        var whole = await MonitoringPack.RenderHtmlAsync(model, assets);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("March 2026 (figures to 20 March 2026)"));
            Assert.That(html, Does.Contain("cover the month so far, to 20 March 2026"));
            Assert.That(whole, Does.Not.Contain("figures to"));
        });
    }

    [Test]
    public async Task A_pack_with_no_findings_says_so_and_prints_the_rest()
    {
        var (pdf, model, _, text, pages) = _noFindings;
        Assert.That(model.Letter.LetterDate, Is.Null);
        var info = await PdfTools.InfoAsync(pdf);
        Assert.Multiple(() =>
        {
            Assert.That(pages[0], Does.Contain("No findings have been recorded yet: add the letter's findings on the dashboard's Themes page"));
            Assert.That(info["Title"], Is.EqualTo(model.DocumentTitle));
            Assert.That(text, Does.Not.Contain("Finding 1 of"));
            foreach (var heading in new[] { "Threshold decisions", "Multi-agency working", "Exception lists", "Data quality" })
            {
                Assert.That(pages.Skip(1).Any(p => p.Contains(heading, StringComparison.Ordinal)), Is.True, heading);
            }
            Assert.That(text, Does.Contain("rows read were quarantined"));
        });
    }

    [Test]
    public async Task A_pack_into_a_folder_that_cannot_be_made_names_the_folder_and_leaves_nothing()
    {
        // A path under an ordinary file cannot become a folder, even for root (who can write anywhere else).
        var folder = Path.Combine(_folder, "unwritable");
        var (_, context) = await MonitoringTestData.PrepareAsync(PackCouncil.Scilly, Path.Combine(folder, "db"), withFindings: false);
        var file = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var output = Path.Combine(file, "packs");
        var e = Assert.ThrowsAsync<PackOutputException>(() => MonitoringPack.WritePdfAsync(context, output));
        Assert.That(e!.Message, Does.StartWith($"The pack cannot be written to the folder {output}"));
        Assert.That(File.Exists(Path.Combine(output, MonitoringPack.FileName(new Core.Indicators.Month(2026, 3)))), Is.False);
    }

    [Test]
    public async Task A_pack_that_fails_while_printing_leaves_no_half_made_file()
    {
        // The definition is there, the print stylesheet is not: the model is built, the file opened, then printing fails.
        var folder = Path.Combine(_folder, "no-stylesheet");
        var (_, context) = await MonitoringTestData.PrepareAsync(PackCouncil.Scilly, Path.Combine(folder, "db"), withFindings: false);
        var reports = Path.Combine(folder, "reports");
        Directory.CreateDirectory(Path.Combine(reports, "packs"));
        File.Copy(Path.Combine(PdfTools.RepositoryRoot(), "reports", MonitoringPackDefinition.RelativePath), Path.Combine(reports, MonitoringPackDefinition.RelativePath));
        var output = Path.Combine(folder, "out");
        Assert.ThrowsAsync<PackDefinitionException>(() => MonitoringPack.WritePdfAsync(context with { ReportsFolder = reports }, output));
        Assert.That(Directory.GetFiles(output), Is.Empty, "the half-made file is removed");
    }

    /// <summary>The text of finding <paramref name="index"/>'s pages: from its first page to the next section's.</summary>
    private static string FindingText(MonitoringPackModel model, IReadOnlyList<string> pages, int index)
    {
        int Start(int i) => pages.ToList().FindIndex(p => p.Contains($"Finding {i + 1} of {model.Letter.Findings.Count} · ", StringComparison.Ordinal));
        var start = Start(index);
        var end = index + 1 < model.Letter.Findings.Count ? Start(index + 1) : pages.ToList().FindIndex(p => p.Contains(" Threshold decisions A funnel plot", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThan(0));
        Assert.That(end, Is.GreaterThan(start));
        return string.Join(" ", pages.Skip(start).Take(end - start));
    }

    private static int StartOf(IReadOnlyList<string> pages, string opening) =>
        pages.ToList().FindIndex(text => text.TrimStart().StartsWith(opening, StringComparison.Ordinal));

    /// <summary>The stored value as the pack prints it, formatted by Core (not by the pack).</summary>
    private static string Shown(StoredIndicator row, IndicatorDefinition definition) =>
        row.NotAvailable is not null ? "x" : row.Value is null ? "z" : IndicatorValue.Format(definition.Unit, row.Value);

    /// <summary>"412 of 530 visits": the stored counts with the first word of the definition's denominator.</summary>
    private static string Counts(StoredIndicator row, IndicatorDefinition definition)
    {
        var joiner = definition.Unit == IndicatorUnit.Average ? "across" : "of";
        var word = definition.Denominator.Split(' ')[0];
        var noun = word.Length > 1 && char.IsUpper(word[1]) ? word : word.ToLowerInvariant();
        return $"{row.Numerator.ToString("N0", CultureInfo.InvariantCulture)} {joiner} {row.Denominator.ToString("N0", CultureInfo.InvariantCulture)} {noun}";
    }

    /// <summary>The exception list's HTML from its heading to the end of its article.</summary>
    private static string Article(string html, string heading)
    {
        var section = html.IndexOf("id=\"exceptions\"", StringComparison.Ordinal);
        var start = html.IndexOf("<h3>" + heading, section, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), heading);
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>The titles of the PDF's outline (bookmarks): Chromium writes them as literal or UTF-16 hex strings.</summary>
    private static List<string> OutlineTitles(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var titles = new List<string>();
        foreach (Match m in OutlineTitlePattern().Matches(raw))
        {
            if (m.Groups["hex"].Success)
            {
                var hex = m.Groups["hex"].Value;
                var bytes = Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0");
                titles.Add(bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                    : Encoding.Latin1.GetString(bytes));
            }
            else
            {
                titles.Add(Regex.Unescape(m.Groups["lit"].Value.Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal)));
            }
        }
        return titles;
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ");

    private static string NoSpaces(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"/Title\s*(?:<(?<hex>[0-9A-Fa-f]+)>|\((?<lit>(?:\\.|[^\\)])*)\))")]
    private static partial Regex OutlineTitlePattern();

    [GeneratedRegex(@"<table[\s\S]*?</table>")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

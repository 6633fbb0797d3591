using System.Globalization;
using Dapper;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Reports.Excel;
using Dashboard.Reports.Monitoring;
using Dashboard.Reports.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Tests.Monitoring;

/// <summary>
/// The monitoring pack's Excel twin for the Small synthetic council, written once through the file API (with a worker
/// name planted that a spreadsheet would run as a formula) and read back with Open XML, cell for cell against the
/// stored results read independently by the general-purpose queries.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MonitoringWorkbookTests
{
    private const string PlantedName = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    private static readonly string[] SheetNames = ["About", "Findings", "Teams", "Thresholds", "Partners", "Exceptions", "Data quality", "Definitions", "Words used"];

    private static readonly string Month = Core.Indicators.Month.Of(PackTestWarehouse.AsOf).ToString();

    private static readonly string LetterMonth = Core.Indicators.Month.Of(MonitoringTestData.LetterDate).ToString();

    private const string UnknownTeam = "(unknown)";

    private string _folder = "";
    private string _path = "";
    private string _plantedIndicator = "";
    private IConnectionFactory _warehouse = default!;
    private IndicatorQueries _stored = default!;
    private XlsxReader _reader = default!;
    private FileStream _file = default!;

    [OneTimeSetUp]
    public async Task WriteWorkbookAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"monitoring-workbook-tests-{Environment.ProcessId}");
        (_warehouse, var context) = await MonitoringTestData.PrepareAsync(PackCouncil.Small, _folder);
        _stored = new IndicatorQueries(_warehouse);
        var linked = MonitoringTestData.Findings.SelectMany(f => f.Indicators).Distinct().ToArray();
        await using (var connection = await _warehouse.OpenAsync())
        {
            // A worker on one of this month's exception rows of a linked indicator gets a name a spreadsheet would run.
            var (indicator, worker) = await connection.QuerySingleAsync<(string, string)>("""
                SELECT indicator_id, worker_id FROM fact_indicator_exception
                WHERE period = @Month AND worker_id IS NOT NULL AND indicator_id IN @Linked
                ORDER BY indicator_id, worker_id LIMIT 1
                """, new { Month, Linked = linked });
            _plantedIndicator = indicator;
            var updated = await connection.ExecuteAsync("UPDATE dim_worker SET worker_name = @Name WHERE professional_id = @Worker",
                new { Name = PlantedName, Worker = worker });
            Assert.That(updated, Is.GreaterThan(0), "the planted name must land on a worker");
        }

        _path = await MonitoringWorkbook.WriteAsync(context, Path.Combine(_folder, "out"));
        _file = File.OpenRead(_path);
        _reader = new XlsxReader(_file);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _reader?.Dispose();
        _file?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void The_file_is_named_for_the_month_and_holds_one_sheet_per_section_in_order()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(_path), Is.EqualTo($"monitoring-{Month}.xlsx"));
            Assert.That(Path.IsPathFullyQualified(_path), Is.True);
            Assert.That(_reader.SheetNames, Is.EqualTo(SheetNames));
            Assert.That(_reader.Title, Does.StartWith("Monitoring visit evidence pack: March 2026"));
        });
    }

    [Test]
    public void Every_sheet_is_marked_official_sensitive_in_its_first_row()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in SheetNames)
            {
                Assert.That(XlsxReader.Text(XlsxReader.Cell(_reader.Sheet(name), "A1")!), Is.EqualTo("OFFICIAL-SENSITIVE"), name);
            }
        });
    }

    [Test]
    public void The_workbook_validates_and_names_no_path_as_its_creator()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_reader.ValidationErrors(), Is.Empty);
            Assert.That(_reader.Creator, Is.EqualTo(WorkbookWriter.Creator));
            Assert.That(_reader.Creator, Does.Not.Contain("/").And.Not.Contain("\\"));
            Assert.That(_reader.Workbook.Workbook.Descendants<CellFormula>(), Is.Empty);
            foreach (var sheet in _reader.AllSheets) Assert.That(sheet.Descendants<CellFormula>(), Is.Empty);
        });
    }

    [Test]
    public void Table_sheets_freeze_and_filter_their_header_row_which_is_styled_and_columns_are_sized()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in SheetNames.Skip(1))
            {
                var sheet = _reader.Sheet(name);
                var pane = sheet.Descendants<Pane>().Single();
                Assert.That(pane.State!.Value, Is.EqualTo(PaneStateValues.Frozen), name);
                Assert.That(pane.VerticalSplit!.Value, Is.EqualTo(2), $"{name}: marking and header rows stay in view");
                Assert.That(sheet.Elements<AutoFilter>().Single().Reference!.Value, Does.StartWith("A2:"), name);
                var header = XlsxReader.Row(sheet, 2).Elements<Cell>().ToList();
                Assert.That(header[0].StyleIndex?.Value, Is.Not.Null.And.Not.EqualTo(0u), $"{name}: the header is styled");
                Assert.That(header.Select(c => c.StyleIndex?.Value), Is.All.EqualTo(header[0].StyleIndex?.Value), name);
                Assert.That(sheet.Descendants<Column>().Count(), Is.EqualTo(header.Count), name);
                Assert.That(sheet.Descendants<Column>().Select(c => c.Width!.Value), Is.All.InRange(8d, 60d), name);
            }
        });
    }

    [Test]
    public async Task Findings_rows_are_the_stored_council_figures_now_and_at_the_letter_cell_for_cell()
    {
        var rows = Table("Findings");
        Assert.That(rows.Select(r => Text(r, "Indicator")),
            Is.EquivalentTo(MonitoringTestData.Findings.SelectMany(f => f.Indicators)));
        var stored = new Dictionary<string, (StoredIndicator Now, StoredIndicator Then)>();
        foreach (var id in rows.Select(r => Text(r, "Indicator")!)) stored[id] = (await CouncilAsync(id, Month), await CouncilAsync(id, LetterMonth));
        Assert.Multiple(() =>
        {
            foreach (var row in rows)
            {
                var id = Text(row, "Indicator")!;
                var definition = IndicatorCatalogue.Get(id).Definition;
                var (now, then) = stored[id];
                Assert.That(Number(row, "Value now"), Is.EqualTo(Expected(definition.Unit, now.Value)).Within(1e-12m), id);
                Assert.That(Number(row, "Numerator now"), Is.EqualTo(now.Numerator), id);
                Assert.That(Number(row, "Denominator now"), Is.EqualTo(now.Denominator), id);
                Assert.That(Number(row, "Value at letter"), Is.EqualTo(Expected(definition.Unit, then.Value)).Within(1e-12m), id);
                Assert.That(Number(row, "Numerator at letter"), Is.EqualTo(then.Numerator), id);
                Assert.That(Number(row, "Denominator at letter"), Is.EqualTo(then.Denominator), id);
                var (change, text, _) = Core.Indicators.Statistics.FigureChange.Of(then.Value, now.Value, definition.Unit, definition.Polarity);
                Assert.That(Number(row, "Change (percentage points for a percentage)"), Is.EqualTo(change), id);
                Assert.That(Text(row, "Change in words"), Is.EqualTo(text), id);
                Assert.That(Text(row, "Finding"), Is.EqualTo(MonitoringTestData.Findings.Single(f => f.Indicators.Contains(id)).Title), id);
                Assert.That(Text(row, "Indicator title"), Is.EqualTo(definition.Title), id);
            }
        });
    }

    [Test]
    public async Task Teams_rows_are_the_stored_team_rows_for_the_month()
    {
        var rows = Table("Teams");
        var ids = MonitoringTestData.Findings.SelectMany(f => f.Indicators).Distinct().ToList();
        var expected = new List<(string, string, decimal?, decimal?, decimal?)>();
        foreach (var id in ids)
        {
            var unit = IndicatorCatalogue.Get(id).Definition.Unit;
            var stored = await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "team", FromPeriod = Month, ToPeriod = Month });
            // The unknown team (dim_team's unknown member, rows whose team could not be traced) is listed too, so the
            // teams add up to the council.
            expected.AddRange(stored.Where(r => r.NotAvailable is null)
                .Select(r => (id, r.ScopeName, (decimal?)r.Numerator, (decimal?)r.Denominator, Expected(unit, r.Value))));
        }

        Assert.That(expected, Is.Not.Empty);
        Assert.That(rows.Where(r => r.ContainsKey("Numerator now"))
                .Select(r => (Text(r, "Indicator")!, Text(r, "Team")!, Number(r, "Numerator now"), Number(r, "Denominator now"), Rounded(Number(r, "Value now")))),
            Is.EquivalentTo(expected.Select(e => (e.Item1, e.Item2, e.Item3, e.Item4, Rounded(e.Item5)))));
    }

    [Test]
    public async Task Exceptions_hold_every_stored_row_of_each_list_with_the_same_people()
    {
        var rows = Table("Exceptions");
        var ids = rows.Select(r => Text(r, "Indicator")!).Distinct().ToList();
        Assert.That(ids, Does.Contain(_plantedIndicator).And.Contain("OVERSIGHT-02"));
        var linked = MonitoringTestData.Findings.SelectMany(f => f.Indicators).Distinct()
            .Where(id => IndicatorCatalogue.Get(id).Definition.ExceptionRows is not null);
        Assert.That(ids, Is.SupersetOf(linked));
        foreach (var id in ids)
        {
            var stored = await _stored.ExceptionsAsync(id, Month, null, int.MaxValue);
            var mine = rows.Where(r => Text(r, "Indicator") == id).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(mine, Has.Count.EqualTo(stored.Count), id);
                Assert.That(mine.Select(r => Text(r, "Person id")).ToHashSet(), Is.EquivalentTo(stored.Select(r => r.PersonId).ToHashSet()), id);
            });
        }
    }

    [Test]
    public async Task Thresholds_pool_the_stored_team_rows_over_twelve_months()
    {
        var rows = Table("Thresholds");
        var from = Core.Indicators.Month.Parse(Month).AddMonths(-11).ToString();
        foreach (var id in new[] { "FRONT-04", "FRONT-05" })
        {
            var stored = await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "team", FromPeriod = from, ToPeriod = Month });
            var expected = stored.Where(r => r.NotAvailable is null && r.ScopeId != UnknownTeam).GroupBy(r => r.ScopeId)
                .Select(g => (g.First().ScopeName, (decimal?)g.Sum(r => r.Numerator), (decimal?)g.Sum(r => r.Denominator))).Where(t => t.Item3 > 0);
            var mine = rows.Where(r => Text(r, "Indicator") == id).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(mine.Select(r => (Text(r, "Team")!, Number(r, "Numerator"), Number(r, "Decisions (denominator)"))), Is.EquivalentTo(expected), id);
                Assert.That(mine.Select(r => Text(r, "To month")), Is.All.EqualTo("March 2026"), id);
                foreach (var row in mine)
                {
                    Assert.That(Number(row, "Team rate"), Is.EqualTo(Number(row, "Numerator") / Number(row, "Decisions (denominator)")).Within(1e-12m));
                    Assert.That(Number(row, "99.8% lower limit"), Is.LessThanOrEqualTo(Number(row, "95% lower limit")!.Value));
                    Assert.That(Number(row, "95% upper limit"), Is.LessThanOrEqualTo(Number(row, "99.8% upper limit")!.Value));
                    Assert.That(_reader.NumberFormat(row["Team rate"]), Is.EqualTo("0.0%"));
                }
            });
        }
    }

    [Test]
    public void The_planted_formula_in_a_worker_name_is_stored_as_neutralised_text()
    {
        var cells = Table("Exceptions").Where(r => Text(r, "Indicator") == _plantedIndicator && r.ContainsKey("Worker name"))
            .Select(r => r["Worker name"]).Where(c => XlsxReader.Text(c)!.Contains("HYPERLINK", StringComparison.Ordinal)).ToList();
        Assert.That(cells, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var cell in cells)
            {
                Assert.That(cell.CellFormula, Is.Null);
                Assert.That(cell.DataType!.Value, Is.EqualTo(CellValues.InlineString));
                Assert.That(XlsxReader.Text(cell), Is.EqualTo(SafeText.NeutralisingPrefix + PlantedName));
            }
        });
    }

    [Test]
    public void Dates_are_dates_and_percentages_are_percentages()
    {
        var finding = Table("Findings").First(r => IndicatorCatalogue.Get(Text(r, "Indicator")!).Definition.Unit == IndicatorUnit.Percent);
        var letter = finding["Letter date"];
        var due = Table("Exceptions").Select(r => r.GetValueOrDefault("Due date")).First(c => c is not null)!;
        var extract = Table("Data quality").Single(r => Text(r, "Item") == "Extract date")["Date"];
        var epoch = new DateOnly(1899, 12, 30).DayNumber;
        Assert.Multiple(() =>
        {
            Assert.That(letter.DataType, Is.Null, "a date is a number, not text");
            Assert.That(letter.CellValue!.Text, Is.EqualTo((MonitoringTestData.LetterDate.DayNumber - epoch).ToString(CultureInfo.InvariantCulture)));
            Assert.That(_reader.NumberFormat(letter), Is.EqualTo("dd/mm/yyyy"));
            Assert.That(_reader.NumberFormat(due), Is.EqualTo("dd/mm/yyyy"));
            Assert.That(extract.CellValue!.Text, Is.EqualTo((PackTestWarehouse.AsOf.DayNumber - epoch).ToString(CultureInfo.InvariantCulture)));
            foreach (var header in new[] { "Value now", "Value at letter", "Target" })
            {
                Assert.That(finding[header].DataType, Is.Null, header);
                Assert.That(_reader.NumberFormat(finding[header]), Is.EqualTo("0.0%"), header);
                Assert.That(Number(finding, header), Is.InRange(0m, 1m), $"{header}: a percentage is stored as a fraction");
            }
        });
    }

    [Test]
    public void Rag_columns_carry_conditional_formats()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "Findings", "Teams", "Partners" })
            {
                var rules = _reader.Sheet(name).Descendants<ConditionalFormattingRule>().ToList();
                Assert.That(rules, Has.Count.EqualTo(3), name);
                Assert.That(rules.SelectMany(r => r.Elements<Formula>()).Select(f => f.Text), Is.EquivalentTo(new[] { "\"red\"", "\"amber\"", "\"green\"" }), name);
            }
        });
    }

    [Test]
    public async Task The_data_quality_sheet_names_the_load_and_its_provider_but_not_the_source_description()
    {
        var load = (await new LoadAuditQueries(_warehouse).LastSucceededAsync())!;
        var rows = Table("Data quality");
        var texts = XlsxReader.Cells(_reader.Sheet("Data quality")).Select(XlsxReader.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Text(rows.Single(r => Text(r, "Item") == "Load id"), "Detail"), Is.EqualTo(load.LoadId.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Text(rows.Single(r => Text(r, "Item") == "Source provider"), "Detail"), Is.EqualTo(PackText.Provider(load.SourceProvider)));
            Assert.That(rows.Where(r => Text(r, "Part") == "Quarantined by rule").Sum(r => Number(r, "Rows quarantined")), Is.GreaterThan(0));
            if (!string.IsNullOrWhiteSpace(load.SourceDescription))
                Assert.That(texts, Has.None.Contains(load.SourceDescription));
        });
    }

    [Test]
    public void Definitions_cover_every_indicator_on_the_other_sheets()
    {
        var defined = Table("Definitions").Select(r => Text(r, "Indicator")).ToHashSet();
        var used = new[] { "Findings", "Teams", "Thresholds", "Partners", "Exceptions" }.SelectMany(Table).Select(r => Text(r, "Indicator")).ToHashSet();
        Assert.That(defined, Is.SupersetOf(used));
    }

    [Test]
    public async Task With_no_findings_the_workbook_is_still_valid_and_says_none_were_recorded()
    {
        var folder = Path.Combine(_folder, "none");
        var (_, context) = await MonitoringTestData.PrepareAsync(PackCouncil.Scilly, folder, withFindings: false);
        var path = await MonitoringWorkbook.WriteAsync(context, folder);
        await using var file = File.OpenRead(path);
        using var reader = new XlsxReader(file);
        var about = XlsxReader.Cells(reader.Sheet("About")).Select(XlsxReader.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reader.SheetNames, Is.EqualTo(SheetNames));
            Assert.That(reader.ValidationErrors(), Is.Empty);
            Assert.That(about, Has.Some.Contains("No findings have been recorded"));
            Assert.That(reader.Sheet("Findings").Descendants<Row>().Count(), Is.EqualTo(2), "the marking and the header, no rows");
            Assert.That(reader.SheetNames.Select(n => XlsxReader.Text(XlsxReader.Cell(reader.Sheet(n), "A1")!)), Is.All.EqualTo("OFFICIAL-SENSITIVE"));
        });
    }

    private async Task<StoredIndicator> CouncilAsync(string id, string period) =>
        (await _stored.ResultsAsync(new IndicatorFilter { IndicatorId = id, ScopeLevel = "council", FromPeriod = period, ToPeriod = period })).Single();

    /// <summary>A stored value as the workbook holds it: a percentage as its fraction.</summary>
    private static decimal? Expected(IndicatorUnit unit, decimal? value) => unit == IndicatorUnit.Percent ? value / 100m : value;

    private static decimal? Rounded(decimal? value) => value is { } v ? Math.Round(v, 12) : null;

    /// <summary>A table sheet's data rows (under the marking and the header), each cell by its column's header.</summary>
    private List<Dictionary<string, Cell>> Table(string name)
    {
        var sheet = _reader.Sheet(name);
        var header = XlsxReader.Row(sheet, 2).Elements<Cell>().ToDictionary(c => Column(c), c => XlsxReader.Text(c)!);
        return [.. sheet.Descendants<Row>().Where(r => r.RowIndex!.Value > 2)
            .Select(r => r.Elements<Cell>().ToDictionary(c => header[Column(c)], c => c))];
    }

    private static string Column(Cell cell) => new([.. cell.CellReference!.Value!.TakeWhile(char.IsLetter)]);

    private static string? Text(Dictionary<string, Cell> row, string header) =>
        row.TryGetValue(header, out var cell) ? XlsxReader.Text(cell) : null;

    private static decimal? Number(Dictionary<string, Cell> row, string header) =>
        row.TryGetValue(header, out var cell) ? decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>The PDF's charts sit beside the tables they draw, as PNG pictures whose alt text is the chart's title and
    /// description; one of each sheet's is saved under artifacts/packs to be looked at.</summary>
    [TestCase("Findings")]
    [TestCase("Thresholds")]
    [TestCase("Partners")]
    public void The_charts_are_pictures_beside_their_tables_with_alt_text(string sheetName)
    {
        var sheet = _reader.Sheet(sheetName);
        var drawing = sheet.WorksheetPart!.DrawingsPart;
        Assert.That(drawing, Is.Not.Null, "a drawing part on the sheet");
        Assert.That(sheet.Elements<Drawing>().Single().Id!.Value, Is.EqualTo(sheet.WorksheetPart!.GetIdOfPart(drawing!)));
        var pictures = drawing!.WorksheetDrawing!.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.Picture>().ToList();
        Assert.That(pictures, Is.Not.Empty);
        var columns = XlsxReader.RowTexts(sheet, 2).Count;
        foreach (var picture in pictures)
        {
            var properties = picture.NonVisualPictureProperties!.NonVisualDrawingProperties!;
            Assert.That(properties.Title?.Value, Is.Not.Null.And.Not.Empty);
            Assert.That(properties.Description?.Value, Does.StartWith(properties.Title!.Value!.Split(':')[0]));
            var anchor = (DocumentFormat.OpenXml.Drawing.Spreadsheet.OneCellAnchor)picture.Parent!;
            Assert.That(int.Parse(anchor.FromMarker!.ColumnId!.Text, CultureInfo.InvariantCulture), Is.GreaterThan(columns - 1), "right of the table");
            var image = (DocumentFormat.OpenXml.Packaging.ImagePart)drawing.GetPartById(picture.BlipFill!.Blip!.Embed!.Value!);
            Assert.That(image.ContentType, Is.EqualTo("image/png"));
            using var stream = image.GetStream();
            var signature = new byte[4];
            stream.ReadExactly(signature);
            Assert.That(signature, Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        }
        var first = (DocumentFormat.OpenXml.Packaging.ImagePart)drawing.GetPartById(pictures[0].BlipFill!.Blip!.Embed!.Value!);
        var folder = Path.Combine(PdfTools.RepositoryRoot(), "artifacts", "packs");
        Directory.CreateDirectory(folder);
        using var png = first.GetStream();
        using var copy = File.Create(Path.Combine(folder, $"monitoring-xlsx-{sheetName.ToLowerInvariant()}-chart.png"));
        png.CopyTo(copy);
    }
}

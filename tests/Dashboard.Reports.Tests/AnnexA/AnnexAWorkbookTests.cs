using Dapper;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Reports.AnnexA;
using Dashboard.Reports.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Tests.AnnexA;

/// <summary>The Annex A workbook of the Small synthetic council, written once (with a planted formula in a worker's
/// name) and read back.</summary>
[NonParallelizable]
public sealed class AnnexAWorkbookTests
{
    private const string PlantedName = "=HYPERLINK(\"http://example.com\",\"x\")";
    private static readonly IndicatorSettings Settings = IndicatorSettings.Default with { CouncilName = "Small Council" };

    private string _warehouse = "";
    private MemoryStream _output = new();
    private AnnexASummary _summary = null!;
    private XlsxReader _reader = null!;

    [OneTimeSetUp]
    public async Task WriteWorkbookAsync()
    {
        _warehouse = await AnnexATestWarehouse.CopyAsync(AnnexATestWarehouse.NewFolder());
        await using (var connection = await AnnexATestWarehouse.Connect(_warehouse).OpenAsync())
        {
            // A worker allocated on the reference date gets a name a spreadsheet would run as a formula.
            await connection.ExecuteAsync("""
                UPDATE dim_worker SET worker_name = @Name WHERE worker_key = (
                    SELECT MIN(worker_key) FROM fact_involvement WHERE worker_key <> 0
                      AND start_date_key <= 20260331 AND (end_date_key IS NULL OR end_date_key >= 20260331))
                """, new { Name = PlantedName });
        }

        _summary = await AnnexAWorkbook.WriteAsync(AnnexATestWarehouse.Connect(_warehouse), Settings, null, _output, CancellationToken.None);
        _reader = new XlsxReader(_output);
    }

    [OneTimeTearDown]
    public void Close()
    {
        _reader.Dispose();
        _output.Dispose();
    }

    private static readonly (string Sheet, IReadOnlyList<string> Headers)[] Lists =
    [
        ("List 1 Contacts", AnnexAHeaders.List1), ("List 2 Early help", AnnexAHeaders.List2), ("List 3 Referrals", AnnexAHeaders.List3),
        ("List 4 Assessments", AnnexAHeaders.List4), ("List 5 Section 47 and ICPC", AnnexAHeaders.List5),
        ("List 6 Children in need", AnnexAHeaders.List6), ("List 7 Child protection", AnnexAHeaders.List7),
        ("List 8 Children in care", AnnexAHeaders.List8), ("List 9 Care leavers", AnnexAHeaders.List9),
    ];

    [Test]
    public void The_reference_date_defaults_to_the_last_load_and_the_lookback_is_six_months()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_summary.Window.ReferenceDate, Is.EqualTo(AnnexATestWarehouse.AsOf));
            Assert.That(_summary.Window.From, Is.EqualTo(new DateOnly(2025, 10, 1)));
            Assert.That(_reader.SheetNames, Is.EqualTo(new[] { AnnexAWorkbook.FrontSheetName }.Concat(Lists.Select(l => l.Sheet))));
            Assert.That(_reader.SheetNames, Has.All.Length.LessThanOrEqualTo(31));
            Assert.That(_reader.ValidationErrors(), Is.Empty);
        });
    }

    [Test]
    public void Every_list_sheet_is_marked_and_its_header_row_is_the_templates_exactly()
    {
        Assert.Multiple(() =>
        {
            foreach (var (sheet, headers) in Lists)
            {
                var worksheet = _reader.Sheet(sheet);
                Assert.That(XlsxReader.RowTexts(worksheet, 1), Is.EqualTo(new[] { AnnexAWorkbook.Marking }), sheet);
                Assert.That(XlsxReader.RowTexts(worksheet, 2), Is.EqualTo(headers), sheet);
                Assert.That(headers.Take(5), Is.EqualTo(new[] { "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)" }));
            }

            Assert.That(AnnexAHeaders.List3, Is.EqualTo(new[]
            {
                "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of referral", "Referral Source",
                "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker",
            }));
        });
    }

    [TestCase(1, "SELECT COUNT(*) FROM fact_contact WHERE contact_date_key BETWEEN 20251001 AND 20260331")]
    [TestCase(3, "SELECT COUNT(*) FROM fact_referral WHERE referral_date_key BETWEEN 20251001 AND 20260331")]
    [TestCase(5, "SELECT COUNT(*) FROM fact_s47_enquiry WHERE start_date_key BETWEEN 20251001 AND 20260331")]
    [TestCase(7, "SELECT COUNT(*) FROM fact_cp_plan WHERE start_date_key <= 20260331 AND (end_date_key IS NULL OR end_date_key >= 20251001)")]
    [TestCase(8, """
        SELECT COUNT(*) FROM (SELECT cla_id FROM fact_cla_episode WHERE start_date_key <= 20260331 GROUP BY cla_id
        HAVING MAX(CASE WHEN ceased_date_key IS NULL THEN 99999999 ELSE ceased_date_key END) >= 20251001) AS periods
        """)]
    [TestCase(9, "SELECT COUNT(*) FROM fact_care_leaver_status")]
    public async Task A_lists_rows_match_a_direct_count_of_the_lookback(int list, string countSql)
    {
        await using var connection = await AnnexATestWarehouse.Connect(_warehouse).OpenAsync();
        var expected = await connection.ExecuteScalarAsync<long>(countSql);
        var sheet = _reader.Sheet(Lists[list - 1].Sheet);
        var dataRows = sheet.Descendants<Row>().Count(r => r.RowIndex! > 2);
        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.GreaterThan(0), "the synthetic council has events in the lookback");
            Assert.That(_summary.Lists[list - 1].Rows, Is.EqualTo(expected));
            Assert.That(dataRows, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Allocated_team_and_worker_are_the_allocation_open_on_the_reference_date()
    {
        await using var connection = await AnnexATestWarehouse.Connect(_warehouse).OpenAsync();
        var open = (await connection.QueryAsync<(string PersonId, string Team, string Worker)>("""
            SELECT c.person_id, t.team_name, w.worker_name
            FROM fact_involvement i
            JOIN dim_child c ON c.child_key = i.child_key
            JOIN dim_team t ON t.team_key = i.team_key
            JOIN dim_worker w ON w.worker_key = i.worker_key
            WHERE i.start_date_key <= 20260331 AND (i.end_date_key IS NULL OR i.end_date_key >= 20260331)
            """)).ToLookup(a => a.PersonId);
        var sheet = _reader.Sheet("List 7 Child protection");
        var rows = sheet.Descendants<Row>().Where(r => r.RowIndex! > 2)
            .Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), XlsxReader.Text))
            .ToList();
        var allocated = rows.Where(r => r.ContainsKey("Q")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Not.Empty);
            foreach (var row in rows)
            {
                var person = row["A"]!;
                if (row.TryGetValue("Q", out var worker))
                {
                    var expected = open[person].Select(a => (a.Team, a.Worker)).Select(a => (a.Team, SafeWorker(a.Worker)));
                    Assert.That(expected, Does.Contain((row["P"], worker)), person);
                }
                else
                {
                    Assert.That(open[person], Is.Empty, $"{person} has an open allocation but none was written");
                }
            }
        });
    }

    private static string SafeWorker(string name) => Dashboard.Reports.Excel.SafeText.Neutralise(name);

    [Test]
    public void Dates_are_date_cells_and_codes_carry_letter_prefixes()
    {
        var contacts = _reader.Sheet("List 1 Contacts");
        var birth = XlsxReader.Cell(contacts, "D3")!;
        var contactDate = XlsxReader.Cell(contacts, "F3")!;
        var gender = XlsxReader.Text(XlsxReader.Cell(contacts, "B3")!);
        var nfa = XlsxReader.Cells(_reader.Sheet("List 3 Referrals")).Where(c => c.CellReference!.Value!.StartsWith('H') && c.CellReference != "H2")
            .Select(XlsxReader.Text).Distinct().ToList();
        Assert.Multiple(() =>
        {
            foreach (var cell in new[] { birth, contactDate })
            {
                Assert.That(cell.DataType, Is.Null, "numeric cell");
                Assert.That(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(36000, 46200));
                Assert.That(_reader.NumberFormat(cell), Is.EqualTo("dd/mm/yyyy"));
            }

            Assert.That(gender, Is.AnyOf("a) Male", "b) Female", "c) Unknown", "d) Indeterminate"));
            Assert.That(nfa, Is.SubsetOf(new[] { "a) Yes", "b) No" }));
        });
    }

    [Test]
    public void A_planted_formula_in_a_worker_name_is_neutralised_and_no_cell_anywhere_is_a_formula()
    {
        var planted = _reader.AllSheets.SelectMany(XlsxReader.Cells).Where(c => XlsxReader.Text(c)?.Contains("HYPERLINK", StringComparison.Ordinal) == true).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(planted, Is.Not.Empty, "the planted worker is allocated on the reference date");
            Assert.That(planted.Select(c => c.DataType!.Value), Has.All.EqualTo(CellValues.InlineString));
            Assert.That(planted.Select(XlsxReader.Text), Has.All.EqualTo("'" + PlantedName));
            Assert.That(_reader.AllSheets.SelectMany(s => s.Descendants<CellFormula>()), Is.Empty);
        });
    }

    [Test]
    public void The_front_sheet_names_the_council_window_row_counts_and_what_could_not_be_filled()
    {
        var front = _reader.Sheet(AnnexAWorkbook.FrontSheetName);
        var texts = XlsxReader.Cells(front).Select(XlsxReader.Text).ToList();
        var unfilled = _summary.Lists.SelectMany(l => l.Unfilled).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(texts, Has.Some.Contains("Small Council"));
            Assert.That(texts, Has.Some.Contains("31/03/2026"));
            Assert.That(texts, Has.Some.Contains("01/10/2025 to 31/03/2026"));
            Assert.That(unfilled.Select(u => u.Header), Does.Contain("Assessment completion date").And.Contain("Date of Last Health Assessment"));
            foreach (var column in unfilled) Assert.That(texts, Has.Some.Contains(column.Header), column.Header);
            foreach (var list in _summary.Lists)
            {
                Assert.That(texts, Has.Some.EqualTo(list.SheetName), list.SheetName);
                Assert.That(texts, Has.Some.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{list.Rows:N0} rows. {list.Holds}")), list.SheetName);
            }
        });
    }

    [Test]
    public async Task A_warehouse_that_never_loaded_gives_one_clear_sentence()
    {
        var folder = AnnexATestWarehouse.NewFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "empty.db");
        var factory = AnnexATestWarehouse.Connect(path);
        await Dashboard.Data.WarehouseSetup.PrepareAsync(factory);
        Assert.That(async () => await AnnexAWorkbook.WriteAsync(factory, Settings, null, new MemoryStream(), CancellationToken.None),
            Throws.TypeOf<AnnexANoDataException>().With.Message.Contains("no successful load"));
    }
}

using Dashboard.Reports.Excel;
using Dashboard.Reports.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Tests.Excel;

public sealed class WorkbookWriterTests
{
    private static readonly SheetColumn[] Columns =
    [
        new("Name"), new("Visits", ColumnKind.Whole), new("Rate", ColumnKind.Percent), new("Visit date", ColumnKind.Date),
        new("Mean days", ColumnKind.Number), new("RAG"),
    ];

    private static MemoryStream Write(SheetDefinition sheet, params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var workbook = WorkbookWriter.Create(stream, "Test pack"))
        {
            workbook.AddSheet(sheet, rows);
            workbook.Complete();
        }

        return stream;
    }

    private static object?[][] SampleRows =>
    [
        ["=HYPERLINK(\"http://example.com\",\"x\")", 12, 0.25m, new DateOnly(2026, 3, 31), 3.5m, "red"],
        ["A very long team name that should widen the first column", 3, 0.5m, new DateOnly(2026, 1, 2), 1.25m, "green"],
        ["@cmd", -4, null, null, null, "amber"],
    ];

    [Test]
    public void Text_cells_that_start_with_formula_characters_are_strings_with_the_prefix_and_no_cell_is_a_formula()
    {
        using var reader = new XlsxReader(Write(new SheetDefinition("Data", Columns), SampleRows));
        var sheet = reader.Sheet("Data");
        var hyperlink = XlsxReader.Cell(sheet, "A2")!;
        Assert.Multiple(() =>
        {
            Assert.That(hyperlink.DataType!.Value, Is.EqualTo(CellValues.InlineString));
            Assert.That(XlsxReader.Text(hyperlink), Is.EqualTo("'=HYPERLINK(\"http://example.com\",\"x\")"));
            Assert.That(XlsxReader.Text(XlsxReader.Cell(sheet, "A4")!), Is.EqualTo("'@cmd"));
            Assert.That(sheet.Descendants<CellFormula>(), Is.Empty);
        });
    }

    [Test]
    public void Numbers_dates_and_percentages_are_numeric_cells_with_their_formats()
    {
        using var reader = new XlsxReader(Write(new SheetDefinition("Data", Columns), SampleRows));
        var sheet = reader.Sheet("Data");
        var visits = XlsxReader.Cell(sheet, "B2")!;
        var rate = XlsxReader.Cell(sheet, "C2")!;
        var date = XlsxReader.Cell(sheet, "D2")!;
        var mean = XlsxReader.Cell(sheet, "E2")!;
        Assert.Multiple(() =>
        {
            Assert.That(visits.DataType, Is.Null, "a number cell has no string type");
            Assert.That(visits.CellValue!.Text, Is.EqualTo("12"));
            Assert.That(rate.DataType, Is.Null);
            Assert.That(rate.CellValue!.Text, Is.EqualTo("0.25"));
            Assert.That(reader.NumberFormat(rate), Is.EqualTo("0.0%"));
            Assert.That(date.DataType, Is.Null);
            Assert.That(date.CellValue!.Text, Is.EqualTo("46112"), "31/03/2026 as an Excel serial date");
            Assert.That(reader.NumberFormat(date), Is.EqualTo("dd/mm/yyyy"));
            Assert.That(reader.NumberFormat(mean), Is.EqualTo("0.00"));
            Assert.That(XlsxReader.Cell(sheet, "C4"), Is.Null, "a null value leaves the cell blank");
        });
    }

    [Test]
    public void The_header_is_styled_frozen_and_filtered_and_columns_fit_their_content()
    {
        using var reader = new XlsxReader(Write(new SheetDefinition("Data", Columns), SampleRows));
        var sheet = reader.Sheet("Data");
        var pane = sheet.Descendants<Pane>().Single();
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        var header = XlsxReader.Cell(sheet, "A1")!;
        var headerStyle = reader.Workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(XlsxReader.RowTexts(sheet, 1), Is.EqualTo(Columns.Select(c => c.Header)));
            Assert.That(pane.State!.Value, Is.EqualTo(PaneStateValues.Frozen));
            Assert.That(pane.VerticalSplit!.Value, Is.EqualTo(1));
            Assert.That(pane.TopLeftCell!.Value, Is.EqualTo("A2"));
            Assert.That(sheet.Descendants<AutoFilter>().Single().Reference!.Value, Is.EqualTo("A1:F4"));
            Assert.That(headerStyle.FontId!.Value, Is.Not.Zero, "bold header font");
            Assert.That(headerStyle.FillId!.Value, Is.GreaterThan(1), "header fill");
            Assert.That(headerStyle.BorderId!.Value, Is.Not.Zero, "header border");
            Assert.That(headerStyle.Alignment!.WrapText!.Value, Is.True);
            Assert.That(widths, Has.Count.EqualTo(Columns.Length));
            Assert.That(widths[0], Is.EqualTo(ColumnWidths.Maximum).Within(0.01).Or.GreaterThan(50), "the long name widens column A");
            Assert.That(widths[1], Is.LessThan(widths[0]));
            Assert.That(widths, Has.All.InRange(ColumnWidths.Minimum, ColumnWidths.Maximum));
        });
    }

    [Test]
    public void A_marked_sheet_puts_the_marking_above_the_header_and_freezes_and_filters_below_it()
    {
        using var reader = new XlsxReader(Write(new SheetDefinition("Children", Columns) { Marking = "OFFICIAL-SENSITIVE" }, SampleRows));
        var sheet = reader.Sheet("Children");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(XlsxReader.Text(XlsxReader.Cell(sheet, "A1")!), Is.EqualTo("OFFICIAL-SENSITIVE"));
            Assert.That(XlsxReader.RowTexts(sheet, 2), Is.EqualTo(Columns.Select(c => c.Header)));
            Assert.That(pane.VerticalSplit!.Value, Is.EqualTo(2));
            Assert.That(pane.TopLeftCell!.Value, Is.EqualTo("A3"));
            Assert.That(sheet.Descendants<AutoFilter>().Single().Reference!.Value, Is.EqualTo("A2:F5"));
        });
    }

    [Test]
    public void Rag_rules_add_conditional_formats_over_the_column_data()
    {
        var sheet = new SheetDefinition("Data", Columns) { RagRules = [RagRule.ByText(5), RagRule.HigherIsBetter(2, 0.6m, 0.8m)] };
        using var reader = new XlsxReader(Write(sheet, SampleRows));
        var formats = reader.Sheet("Data").Descendants<ConditionalFormatting>().ToList();
        var dxfs = reader.Workbook.WorkbookStylesPart!.Stylesheet!.DifferentialFormats!.Elements<DifferentialFormat>().Count();
        Assert.Multiple(() =>
        {
            Assert.That(formats.Select(f => f.SequenceOfReferences!.InnerText), Is.EqualTo(new[] { "F2:F4", "C2:C4" }));
            Assert.That(formats[0].Elements<ConditionalFormattingRule>().Select(r => r.GetFirstChild<Formula>()!.Text),
                Is.EqualTo(new[] { "\"red\"", "\"amber\"", "\"green\"" }));
            Assert.That(formats[1].Elements<ConditionalFormattingRule>().Select(r => r.Operator!.Value), Is.EqualTo(new[]
            {
                ConditionalFormattingOperatorValues.LessThan, ConditionalFormattingOperatorValues.GreaterThanOrEqual,
                ConditionalFormattingOperatorValues.Between,
            }));
            Assert.That(formats.SelectMany(f => f.Elements<ConditionalFormattingRule>()).Select(r => r.FormatId!.Value), Has.All.LessThan(dxfs));
            Assert.That(reader.ValidationErrors(), Is.Empty);
        });
    }

    [Test]
    public void Document_properties_carry_the_title_and_the_product_never_a_user()
    {
        using var reader = new XlsxReader(Write(new SheetDefinition("Data", Columns), SampleRows));
        Assert.Multiple(() =>
        {
            Assert.That(reader.Title, Is.EqualTo("Test pack"));
            Assert.That(reader.Creator, Is.EqualTo(WorkbookWriter.Creator));
            Assert.That(reader.Creator, Does.Not.Contain(Environment.UserName).And.Not.Contain("/"));
        });
    }

    [Test]
    public void A_front_sheet_placed_first_is_the_first_tab_and_holds_its_table()
    {
        var stream = new MemoryStream();
        using (var workbook = WorkbookWriter.Create(stream, "Test pack"))
        {
            workbook.AddSheet(new SheetDefinition("Data", Columns), SampleRows);
            workbook.AddFrontSheet(new FrontSheet("About", "About this pack", ["First paragraph.", "-2 is not a formula"],
                ("Term", "Meaning"), [("Rate", "=share of children seen")]), placeFirst: true);
            workbook.Complete();
        }

        using var reader = new XlsxReader(stream);
        var about = reader.Sheet("About");
        var filterName = reader.Workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(reader.SheetNames, Is.EqualTo(new[] { "About", "Data" }));
            Assert.That(XlsxReader.RowTexts(about, 1), Is.EqualTo(new[] { "About this pack" }));
            Assert.That(XlsxReader.RowTexts(about, 4), Is.EqualTo(new[] { "'-2 is not a formula" }));
            Assert.That(XlsxReader.RowTexts(about, 6), Is.EqualTo(new[] { "Term", "Meaning" }));
            Assert.That(XlsxReader.RowTexts(about, 7), Is.EqualTo(new[] { "Rate", "'=share of children seen" }));
            Assert.That(filterName.LocalSheetId!.Value, Is.EqualTo(1u), "the data sheet's filter name follows it to tab 2");
            Assert.That(filterName.Text, Is.EqualTo("'Data'!$A$1:$F$4"));
            Assert.That(reader.ValidationErrors(), Is.Empty);
        });
    }

    [Test]
    public void A_typed_cell_is_written_in_its_own_kind_whatever_its_columns()
    {
        SheetColumn[] columns = [new("Value", ColumnKind.Number)];
        using var reader = new XlsxReader(Write(new SheetDefinition("Data", columns),
            [new TypedCell(0.825m, ColumnKind.Percent)], [new TypedCell(12, ColumnKind.Whole)], [new TypedCell(null, ColumnKind.Percent)], [2.5m]));
        var sheet = reader.Sheet("Data");
        Assert.Multiple(() =>
        {
            Assert.That(XlsxReader.Cell(sheet, "A2")!.CellValue!.Text, Is.EqualTo("0.825"));
            Assert.That(reader.NumberFormat(XlsxReader.Cell(sheet, "A2")!), Is.EqualTo("0.0%"));
            Assert.That(reader.NumberFormat(XlsxReader.Cell(sheet, "A3")!), Is.EqualTo("0"));
            Assert.That(XlsxReader.Cell(sheet, "A4"), Is.Null, "a typed null is a blank cell");
            Assert.That(reader.NumberFormat(XlsxReader.Cell(sheet, "A5")!), Is.EqualTo("0.00"), "an untyped value takes its column's kind");
        });
    }

    [TestCase("")]
    [TestCase("A name that is far too long for an Excel tab")]
    [TestCase("Q1/Q2")]
    public void A_sheet_name_Excel_refuses_is_refused_with_its_name(string name)
    {
        using var workbook = WorkbookWriter.Create(new MemoryStream(), "Test pack");
        Assert.That(() => workbook.AddSheet(new SheetDefinition(name, Columns), []),
            Throws.ArgumentException.With.Message.Contains($"\"{name}\""));
    }
}

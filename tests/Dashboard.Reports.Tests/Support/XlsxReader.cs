using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Tests.Support;

/// <summary>Reads a written workbook back for assertions: sheets by name, cells by reference, rows as text.</summary>
internal sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public XlsxReader(Stream stream)
    {
        stream.Position = 0;
        _document = SpreadsheetDocument.Open(stream, isEditable: false);
    }

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public string? Title => _document.PackageProperties.Title;

    public string? Creator => _document.PackageProperties.Creator;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public IEnumerable<Worksheet> AllSheets => SheetNames.Select(Sheet);

    public static IEnumerable<Cell> Cells(Worksheet sheet) => sheet.Descendants<Cell>();

    public static Cell? Cell(Worksheet sheet, string reference) => Cells(sheet).SingleOrDefault(c => c.CellReference == reference);

    public static Row Row(Worksheet sheet, uint index) => sheet.Descendants<Row>().Single(r => r.RowIndex! == index);

    /// <summary>A cell's text: inline string, or the stored value of a number.</summary>
    public static string? Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.Text?.Text : cell.CellValue?.Text;

    public static IReadOnlyList<string?> RowTexts(Worksheet sheet, uint index) => Row(sheet, index).Elements<Cell>().Select(Text).ToList();

    /// <summary>The number format code applied to a cell (built-in formats by id).</summary>
    public string? NumberFormat(Cell cell)
    {
        var formats = Workbook.WorkbookStylesPart!.Stylesheet!;
        var style = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = style.NumberFormatId?.Value ?? 0;
        return formats.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? id switch { 0 => "General", 1 => "0", 2 => "0.00", 14 => "m/d/yyyy", _ => $"builtin {id}" };
    }

    /// <summary>Schema errors the Open XML SDK finds (element order, attribute values): none for a file Excel opens cleanly.</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => _document.Dispose();
}

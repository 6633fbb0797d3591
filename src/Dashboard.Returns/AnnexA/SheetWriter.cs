using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Writes a workbook sheet by sheet with OpenXmlWriter (streaming: a large council's lists never sit in memory as a
/// DOM): text as inline strings, numbers as numbers, dates as real Excel dates (serial numbers in a dd/mm/yyyy style).
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    public const uint DateStyle = 1, HeadingStyle = 2, TitleStyle = 3;

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    private readonly SpreadsheetDocument _document;
    private readonly Sheets _sheets;
    private uint _nextSheetId = 1;

    public SheetWriter(string path)
    {
        _document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        _sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 14 })) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
                new CellFormat { FontId = 2, ApplyFont = true }) { Count = 4 });
    }

    /// <summary>Writes one sheet: <paramref name="rows"/> are cells by column, each a string, a number (double), a
    /// date (DateOnly) or null; <paramref name="widths"/> sets column widths in characters.</summary>
    public void Sheet(string name, IReadOnlyList<double> widths, IEnumerable<(object?[] Cells, uint? Style)> rows)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Count; i++)
            {
                writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            }
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            uint number = 0;
            foreach (var (cells, style) in rows)
            {
                number++;
                writer.WriteStartElement(new Row { RowIndex = number });
                for (var c = 0; c < cells.Length; c++)
                {
                    if (Cell(cells[c], $"{Column(c)}{number}", style) is { } cell) writer.WriteElement(cell);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        _sheets.AppendChild(new Sheet { Id = _document.WorkbookPart.GetIdOfPart(part), SheetId = _nextSheetId++, Name = name });
    }

    private static Cell? Cell(object? value, string reference, uint? style) => value switch
    {
        null => null,
        DateOnly date => new Cell
        {
            CellReference = reference, StyleIndex = DateStyle,
            CellValue = new CellValue((date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture)),
        },
        double number => new Cell { CellReference = reference, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = style },
        _ => new Cell
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
            InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>0 gives A, 26 gives AA.</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    public void Dispose()
    {
        _document.WorkbookPart?.Workbook.Save();
        _document.Dispose();
    }
}

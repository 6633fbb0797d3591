using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Returns.Tests.AnnexA;

/// <summary>
/// Hand-made Annex A workbooks for the tests, written the way councils' tools write them: text as shared strings,
/// numbers as numbers, <see cref="DateCell"/> as an Excel serial in a date style. Readable and editable in the test
/// instead of binary fixture files.
/// </summary>
internal sealed class WorkbookBuilder
{
    private readonly List<(string Name, object?[][] Rows)> _sheets = [];

    /// <summary>A date as Excel stores it: a serial number in a cell styled as a date.</summary>
    public sealed record DateCell(DateOnly Date);

    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    public string Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        uint id = 1;
        foreach (var (name, rows) in _sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null: break;
                        case DateCell d:
                            row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue((d.Date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)) });
                            break;
                        case int or double:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(rows[r][c], CultureInfo.InvariantCulture)!) });
                            break;
                        default:
                            var text = rows[r][c]!.ToString()!;
                            if (!index.TryGetValue(text, out var i))
                            {
                                i = index.Count;
                                index[text] = i;
                                strings.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                            }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
        }
        return path;
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Returns.AnnexA;

/// <summary>One sheet row as text by 0-based column: shared strings resolved, date-styled numbers as ISO dates.</summary>
public sealed record SheetRow(long Number, IReadOnlyDictionary<int, string> Cells)
{
    public bool IsBlank => Cells.Values.All(string.IsNullOrWhiteSpace);

    public string? this[int column] => Cells.TryGetValue(column, out var value) ? value : null;
}

/// <summary>
/// Reads an .xlsx workbook a row at a time with OpenXmlReader (SAX), never a sheet's DOM: the shared string table and
/// the cell styles (to tell an Excel date from a number) are read once, then each sheet streams row by row. A cell
/// styled as a date gives its ISO date; any other number gives its text as stored ("123", so an id typed as a number
/// has lost its leading zeros before we see it).
/// </summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly List<string> _strings = [];
    private readonly HashSet<uint> _dateStyles = [];

    public WorkbookReader(string path)
    {
        FileName = Path.GetFileName(path);
        try
        {
            _document = SpreadsheetDocument.Open(path, isEditable: false);
            if (_document.WorkbookPart?.Workbook?.Sheets is null) throw new InvalidDataException("it has no workbook part");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or UnauthorizedAccessException)
        {
            _document?.Dispose();
            throw new ReturnFileException($"{FileName} cannot be read as an Excel workbook (.xlsx): {e.Message.TrimEnd('.')}.", e);
        }
        ReadSharedStrings();
        ReadDateStyles();
    }

    public string FileName { get; }

    /// <summary>The sheets' names in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames =>
        [.. _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name?.Value ?? "")];

    /// <summary>The rows of one sheet in order (rows Excel does not store, being empty, are not given).</summary>
    public IEnumerable<SheetRow> Rows(string sheetName)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == sheetName);
        if (sheet.Id?.Value is not { } id || _document.WorkbookPart.GetPartById(id) is not WorksheetPart part) yield break;
        using var reader = OpenXmlReader.Create(part);
        long previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (long)index : previous + 1;
            previous = number;
            var cells = new Dictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                if (Value(cell) is { } value) cells[column] = value;
            }
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>"C12" gives 2.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private string? Value(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _strings.Count ? _strings[i] : raw;
        }
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style))
        {
            return ReturnValues.Date(raw);
        }
        return raw;
    }

    private void ReadSharedStrings()
    {
        if (_document.WorkbookPart!.SharedStringTablePart is not { } part) return;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                _strings.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
            }
        }
    }

    private void ReadDateStyles()
    {
        var styles = _document.WorkbookPart!.WorkbookStylesPart?.Stylesheet;
        if (styles?.CellFormats is null) return;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && LooksLikeDate(code))) _dateStyles.Add(index);
            index++;
        }
    }

    /// <summary>Excel's built-in date formats (ECMA-376 part 1, 18.8.30), time-only ones aside.</summary>
    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58;

    /// <summary>A custom format is a date when, outside quoted text and [..] sections, it has a day or year part.</summary>
    private static bool LooksLikeDate(string code)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return plain.Contains('d', StringComparison.OrdinalIgnoreCase) || plain.Contains('y', StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _document.Dispose();
}

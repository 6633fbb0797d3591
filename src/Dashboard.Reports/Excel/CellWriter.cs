using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Excel;

/// <summary>
/// Writes one row's cells through the SAX writer. Text always goes through <see cref="SafeText.Neutralise"/> and
/// is written as an inline string, so no cell can ever be a formula; numbers and dates are numeric cells with the
/// column's style. A null value leaves the cell out (blank).
/// </summary>
internal static class CellWriter
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public static void Text(OpenXmlWriter writer, string reference, string text, uint style)
    {
        var safe = SafeText.Neutralise(SafeText.StripUnwritable(text));
        var value = new Text(safe);
        // Leading or trailing spaces would be dropped by a reader without xml:space="preserve".
        if (safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])))
            value.Space = SpaceProcessingModeValues.Preserve;
        writer.WriteElement(new Cell(new InlineString(value))
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style,
        });
    }

    public static void Number(OpenXmlWriter writer, string reference, double value, uint style) =>
        writer.WriteElement(new Cell(new CellValue(value)) { CellReference = reference, StyleIndex = style == 0 ? null : style });

    public static void Number(OpenXmlWriter writer, string reference, decimal value, uint style) =>
        writer.WriteElement(new Cell(new CellValue(value)) { CellReference = reference, StyleIndex = style == 0 ? null : style });

    /// <summary>Excel's date serial: days since 30 December 1899 (the 1900 leap-year quirk is built into that epoch).</summary>
    public static double DateSerial(DateOnly date) => date.DayNumber - ExcelEpoch.DayNumber;

    /// <summary>Writes a value of any supported type in the style its column asks for.</summary>
    public static void Value(OpenXmlWriter writer, string reference, object? value, ColumnKind kind)
    {
        var style = WorkbookStyles.ForKind(kind);
        switch (value)
        {
            case null:
                return;
            case TypedCell typed:
                Value(writer, reference, typed.Value, typed.Kind);
                return;
            case string s:
                Text(writer, reference, s, WorkbookStyles.Default);
                return;
            case DateOnly d:
                Number(writer, reference, DateSerial(d), WorkbookStyles.Date);
                return;
            case DateTime dt:
                Number(writer, reference, DateSerial(DateOnly.FromDateTime(dt)), WorkbookStyles.Date);
                return;
            case int or long or short or byte:
                Number(writer, reference, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), style);
                return;
            case decimal m:
                Number(writer, reference, m, style);
                return;
            case double or float:
                var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                if (double.IsFinite(number)) Number(writer, reference, number, style);
                return;
            default:
                Text(writer, reference, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    WorkbookStyles.Default);
                return;
        }
    }
}

using System.Globalization;

namespace Dashboard.Reports.Excel;

/// <summary>A1-style cell references and the rules Excel sets for sheet names.</summary>
internal static class CellRefs
{
    /// <summary>Column letters for a zero-based column index: 0 -> A, 25 -> Z, 26 -> AA.</summary>
    public static string Column(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }

    public static string Cell(int columnIndex, long row) => Column(columnIndex) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Excel refuses a sheet name over 31 characters, empty, or holding any of : \ / ? * [ ].</summary>
    public static void CheckSheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 31 || name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0 || name.StartsWith('\''))
            throw new ArgumentException($"The sheet name \"{name}\" is not allowed by Excel (1 to 31 characters, none of : \\ / ? * [ ]).", nameof(name));
    }

    /// <summary>The sheet name quoted for use in a formula or defined name: 'List 1 Contacts'!$A$2:$G$10.</summary>
    public static string Range(string sheet, int firstColumn, long firstRow, int lastColumn, long lastRow) =>
        string.Create(CultureInfo.InvariantCulture,
            $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${Column(firstColumn)}${firstRow}:${Column(lastColumn)}${lastRow}");
}

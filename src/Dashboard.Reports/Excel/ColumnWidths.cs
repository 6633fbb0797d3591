namespace Dashboard.Reports.Excel;

/// <summary>
/// Column widths that fit the content, estimated from text lengths (Excel has no "autofit" in the file format):
/// the longest value in a sample of rows, headers counted up to a wrap length since header cells wrap, capped so
/// one long note cannot make a column a screen wide.
/// </summary>
internal static class ColumnWidths
{
    public const double Minimum = 8;
    public const double Maximum = 60;
    private const int HeaderWrapLength = 24;
    private const double Padding = 2;

    public static double[] Estimate(IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<object?>> sample)
    {
        var widest = columns.Select(c => (double)Math.Min(LongestWord(c.Header, HeaderWrapLength), HeaderWrapLength)).ToArray();
        foreach (var row in sample)
        {
            for (var i = 0; i < widest.Length && i < row.Count; i++)
                widest[i] = Math.Max(widest[i], DisplayLength(row[i], columns[i].Kind));
        }

        return widest.Select(w => Math.Clamp(w + Padding, Minimum, Maximum)).ToArray();
    }

    /// <summary>A header wraps, but a single word cannot: the column is at least as wide as the header's longest word.</summary>
    private static int LongestWord(string header, int wrap) =>
        header.Length <= wrap ? header.Length : Math.Max(wrap, header.Split(' ').Max(w => w.Length));

    private static double DisplayLength(object? value, ColumnKind kind) => value switch
    {
        null => 0,
        TypedCell typed => DisplayLength(typed.Value, typed.Kind),
        DateOnly or DateTime => 10,
        string s => s.Length + (s.Length > 0 && SafeText.Neutralise(s).Length != s.Length ? 1 : 0),
        _ when kind == ColumnKind.Percent => 7,
        IFormattable f => f.ToString(kind == ColumnKind.Number ? "0.00" : null, System.Globalization.CultureInfo.InvariantCulture).Length,
        _ => value.ToString()?.Length ?? 0,
    };
}

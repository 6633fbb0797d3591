using Dashboard.Reports.Excel;

namespace Dashboard.Reports.AnnexA;

/// <summary>A column the warehouse cannot fill, left blank, with the reason printed on the front sheet.</summary>
public sealed record UnfilledColumn(string Header, string Reason);

/// <summary>One Annex A list, built: its number, sheet, what it holds, its rows (cells in header order) and the
/// columns it had to leave blank.</summary>
internal sealed record AnnexAList(int Number, string SheetName, string Holds, IReadOnlyList<string> Headers,
    IReadOnlyList<object?[]> Rows, IReadOnlyList<UnfilledColumn> Unfilled)
{
    /// <summary>Column kinds follow the template's wording: dates are dates, counts and ages whole numbers.</summary>
    public IReadOnlyList<SheetColumn> Columns => Headers.Select(h => new SheetColumn(h, KindOf(h))).ToList();

    private static ColumnKind KindOf(string header) =>
        header.StartsWith("Number of", StringComparison.Ordinal) || header == "Age of Child (Years)" ? ColumnKind.Whole
        : header.Contains("date", StringComparison.OrdinalIgnoreCase) ? ColumnKind.Date
        : ColumnKind.Text;
}

namespace Dashboard.Reports.Excel;

/// <summary>How a column's values are written: each kind is a real cell type with its own number format, so a
/// date sorts as a date and a percentage sums as a number.</summary>
public enum ColumnKind
{
    /// <summary>A string cell (always neutralised, see <see cref="SafeText"/>).</summary>
    Text,

    /// <summary>A number with no decimals (format 0).</summary>
    Whole,

    /// <summary>A number shown with two decimals (format 0.00).</summary>
    Number,

    /// <summary>A real Excel date (serial number) shown as dd/mm/yyyy.</summary>
    Date,

    /// <summary>A fraction (0.25) shown as a percentage (25.0%).</summary>
    Percent,
}

/// <summary>One column of a sheet: its header text and the kind of its values.</summary>
public sealed record SheetColumn(string Header, ColumnKind Kind = ColumnKind.Text);

/// <summary>
/// A value written in its own kind rather than its column's: for a column that mixes units, such as indicator values
/// where one row is a percentage and the next a count. A null <paramref name="Value"/> leaves the cell blank.
/// </summary>
public sealed record TypedCell(object? Value, ColumnKind Kind);

namespace Dashboard.Core.Suppression;

/// <summary>
/// A two-way table of counts after suppression, with its row totals, column totals and grand total, all
/// of them published cells. Made by <see cref="TableSuppression.Apply(int?[,], SuppressionRule)"/>.
/// </summary>
public sealed class SuppressedTable
{
    // (rows + 1) x (columns + 1): the last column holds the row totals, the last row the column totals,
    // and the corner the grand total, so that every line (cells and its total) is one row or column here.
    private readonly PublishedCell[,] _grid;

    internal SuppressedTable(PublishedCell[,] grid, SuppressionRule rule)
    {
        _grid = grid;
        Rule = rule;
    }

    /// <summary>The rule applied; publish <see cref="SuppressionRule.Describe"/> and the symbol key with the table.</summary>
    public SuppressionRule Rule { get; }

    public int RowCount => _grid.GetLength(0) - 1;

    public int ColumnCount => _grid.GetLength(1) - 1;

    public PublishedCell Cell(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        return _grid[row, column];
    }

    public PublishedCell RowTotal(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return _grid[row, ColumnCount];
    }

    public PublishedCell ColumnTotal(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        return _grid[RowCount, column];
    }

    public PublishedCell GrandTotal => _grid[RowCount, ColumnCount];

    /// <summary>A row's cells followed by its total, as a pack prints it.</summary>
    public IReadOnlyList<PublishedCell> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return [.. Enumerable.Range(0, ColumnCount + 1).Select(c => _grid[row, c])];
    }

    /// <summary>The totals row: every column total followed by the grand total.</summary>
    public IReadOnlyList<PublishedCell> TotalsRow() =>
        [.. Enumerable.Range(0, ColumnCount + 1).Select(c => _grid[RowCount, c])];
}

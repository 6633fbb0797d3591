namespace Dashboard.Core.Suppression;

/// <summary>
/// Primary and secondary suppression of a two-way table of counts whose rows and columns are totalled.
/// </summary>
/// <remarks>
/// A line is a row or a column together with its total: its cells add up to the total, so if exactly one
/// entry of a line were hidden a reader could subtract it back. The totals row (column totals and the grand
/// total) and the totals column (row totals and the grand total) are lines too, or a hidden row total could
/// be worked out from the grand total.
/// <para>Primary: every cell and total from 1 to the threshold is hidden. Secondary: until nothing changes,
/// any line with exactly one hidden entry has its smallest shown cell hidden as well (a non-zero one if there
/// is one, because hiding a zero protects less; ties go to the first by position), or its total when no cell
/// can be hidden. Lines are visited rows first, top to bottom, then columns, left to right, so the result is
/// the same on every run. This is the DfE "next smallest cell" rule; it is safe but not minimal.</para>
/// <para>A null input cell is not available (x). Totals add up the cells that are available, so an
/// unavailable cell is not part of any line and neither protects nor needs protecting. A total over no
/// available cells is not available either.</para>
/// </remarks>
public static class TableSuppression
{
    /// <summary>Suppresses <paramref name="cells"/> (rows by columns, counts of 0 or more, null for not available).</summary>
    public static SuppressedTable Apply(int?[,] cells, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rule);
        var values = WithTotals(cells);
        var status = Primary(values, rule);
        var lines = Lines(values);
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines) changed |= Protect(line, values, status);
        }
        while (changed);
        return new SuppressedTable(Publish(values, status), rule);
    }

    /// <summary>The same, for a table given as rows (every row the same length).</summary>
    public static SuppressedTable Apply(IReadOnlyList<IReadOnlyList<int?>> rows, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = rows.Count == 0 ? 0 : rows[0].Count;
        if (rows.Any(r => r.Count != width)) throw new ArgumentException("Every row of a table needs the same number of cells.", nameof(rows));
        var cells = new int?[rows.Count, width];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < width; c++) cells[r, c] = rows[r][c];
        }
        return Apply(cells, rule);
    }

    private static int?[,] WithTotals(int?[,] cells)
    {
        int rows = cells.GetLength(0), cols = cells.GetLength(1);
        if (rows == 0 || cols == 0) throw new ArgumentException("A table needs at least one row and one column.", nameof(cells));
        var grid = new int?[rows + 1, cols + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (cells[r, c] is not { } v) continue;
                if (v < 0) throw new ArgumentOutOfRangeException(nameof(cells), $"Cell ({r}, {c}) is {v}; counts cannot be negative.");
                grid[r, c] = v;
                grid[r, cols] = checked((grid[r, cols] ?? 0) + v);
                grid[rows, c] = checked((grid[rows, c] ?? 0) + v);
                grid[rows, cols] = checked((grid[rows, cols] ?? 0) + v);
            }
        }
        return grid;
    }

    private static CellStatus[,] Primary(int?[,] values, SuppressionRule rule)
    {
        var status = new CellStatus[values.GetLength(0), values.GetLength(1)];
        for (var r = 0; r < values.GetLength(0); r++)
        {
            for (var c = 0; c < values.GetLength(1); c++)
            {
                status[r, c] = values[r, c] switch
                {
                    null => CellStatus.NotAvailable,
                    var v when rule.Hides(v.Value) => CellStatus.Primary,
                    _ => CellStatus.Shown,
                };
            }
        }
        return status;
    }

    /// <summary>A line's available entries in position order; its total is the last one.</summary>
    private sealed record Line((int Row, int Column)[] Entries);

    private static List<Line> Lines(int?[,] values)
    {
        int last = values.GetLength(0) - 1, lastColumn = values.GetLength(1) - 1;
        var lines = new List<Line>();
        for (var r = 0; r <= last; r++) Add(Enumerable.Range(0, lastColumn + 1).Select(c => (r, c)));
        for (var c = 0; c <= lastColumn; c++) Add(Enumerable.Range(0, last + 1).Select(r => (r, c)));
        return lines;

        void Add(IEnumerable<(int, int)> positions)
        {
            var available = positions.Where(p => values[p.Item1, p.Item2] is not null).ToArray();
            // Only a total over nothing is missing from its own line; such a line has no entries at all.
            if (available.Length > 0) lines.Add(new Line(available));
        }
    }

    /// <summary>Hides one more entry when the line has exactly one hidden; true when it did.</summary>
    private static bool Protect(Line line, int?[,] values, CellStatus[,] status)
    {
        var hidden = line.Entries.Count(p => IsHidden(status[p.Row, p.Column]));
        if (hidden != 1) return false;
        var cells = line.Entries[..^1];
        var shown = cells.Where(p => status[p.Row, p.Column] == CellStatus.Shown).ToList();
        if (shown.Count > 0)
        {
            // MinBy keeps the first of equal keys, so ties go to the earlier position.
            var next = shown.MinBy(p => (values[p.Row, p.Column] == 0 ? 1 : 0, values[p.Row, p.Column]!.Value));
            status[next.Row, next.Column] = CellStatus.Secondary;
            return true;
        }
        var total = line.Entries[^1];
        if (status[total.Row, total.Column] != CellStatus.Shown) return false;
        status[total.Row, total.Column] = CellStatus.Secondary;
        return true;
    }

    private static bool IsHidden(CellStatus s) => s is CellStatus.Primary or CellStatus.Secondary;

    private static PublishedCell[,] Publish(int?[,] values, CellStatus[,] status)
    {
        var grid = new PublishedCell[values.GetLength(0), values.GetLength(1)];
        for (var r = 0; r < values.GetLength(0); r++)
        {
            for (var c = 0; c < values.GetLength(1); c++)
            {
                grid[r, c] = status[r, c] switch
                {
                    CellStatus.Shown => PublishedCell.Shown(values[r, c]!.Value),
                    CellStatus.Primary => PublishedCell.Primary,
                    CellStatus.Secondary => PublishedCell.Secondary,
                    _ => PublishedCell.NotAvailable,
                };
            }
        }
        return grid;
    }
}

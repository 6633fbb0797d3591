using Dashboard.Core.Suppression;
using FsCheck;
using FsCheck.Fluent;

namespace Dashboard.Core.Tests.Suppression;

/// <summary>Properties of table suppression over random small tables, checked with FsCheck.</summary>
public class TableSuppressionPropertyTests
{
    /// <summary>The generated input: a threshold and a table of counts, mostly small, some not available.</summary>
    public sealed record RandomTable(int Threshold, int?[][] Rows)
    {
        public int?[,] Grid()
        {
            var grid = new int?[Rows.Length, Rows[0].Length];
            for (var r = 0; r < Rows.Length; r++)
            {
                for (var c = 0; c < Rows[0].Length; c++) grid[r, c] = Rows[r][c];
            }
            return grid;
        }

        public override string ToString() =>
            $"threshold {Threshold}: " + string.Join(" / ", Rows.Select(r => string.Join(" ", r.Select(v => v?.ToString() ?? "-"))));
    }

    private static readonly Gen<int?> Count = Gen.Frequency(
        (1, Gen.Constant<int?>(null)),
        (2, Gen.Constant<int?>(0)),
        (6, Gen.Choose(1, 12).Select(v => (int?)v)),
        (3, Gen.Choose(13, 400).Select(v => (int?)v)));

    private static Gen<RandomTable> Cases(Gen<int> thresholds) =>
        from threshold in thresholds
        from rows in Gen.Choose(1, 5)
        from columns in Gen.Choose(1, 5)
        from cells in Gen.ArrayOf(Gen.ArrayOf(Count, columns), rows)
        select new RandomTable(threshold, cells);

    private static void Check(Gen<RandomTable> cases, Action<RandomTable, SuppressedTable> property) =>
        Prop.ForAll(Arb.From(cases), c => property(c, TableSuppression.Apply(c.Grid(), new SuppressionRule(c.Threshold))))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    /// <summary>Every entry with the value it should have: cells as given, totals summed from the cells available.</summary>
    private static IEnumerable<(string Where, PublishedCell Cell, int? Expected)> Entries(RandomTable c, SuppressedTable t)
    {
        int rows = c.Rows.Length, columns = c.Rows[0].Length;
        int? Sum(IEnumerable<int?> xs) => xs.Any(x => x.HasValue) ? xs.Sum() : null;
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < columns; k++) yield return ($"cell ({r}, {k})", t.Cell(r, k), c.Rows[r][k]);
            yield return ($"row total {r}", t.RowTotal(r), Sum(c.Rows[r]));
        }
        for (var k = 0; k < columns; k++) yield return ($"column total {k}", t.ColumnTotal(k), Sum(c.Rows.Select(row => row[k])));
        yield return ("grand total", t.GrandTotal, Sum(c.Rows.SelectMany(row => row)));
    }

    /// <summary>Every line: each row with its total, each column with its total, and the two lines of totals.</summary>
    private static IEnumerable<(string Name, PublishedCell[] Entries)> Lines(SuppressedTable t)
    {
        for (var r = 0; r < t.RowCount; r++) yield return ($"row {r}", [.. t.Row(r)]);
        yield return ("totals row", [.. t.TotalsRow()]);
        for (var k = 0; k < t.ColumnCount; k++)
        {
            yield return ($"column {k}", [.. Enumerable.Range(0, t.RowCount).Select(r => t.Cell(r, k)), t.ColumnTotal(k)]);
        }
        yield return ("totals column", [.. Enumerable.Range(0, t.RowCount).Select(t.RowTotal), t.GrandTotal]);
    }

    [Test]
    public void No_shown_cell_or_total_is_a_small_count_and_shown_values_are_the_true_ones() =>
        Check(Cases(Gen.Elements(1, 3, 5, 7, 9)), (c, t) =>
        {
            foreach (var (where, cell, expected) in Entries(c, t))
            {
                if (cell.Status == CellStatus.Shown && cell.Value is >= 1 and var v && v <= c.Threshold)
                {
                    throw new InvalidOperationException($"{c}: {where} shows {v}.");
                }
                if (cell.Status == CellStatus.Shown && cell.Value != expected)
                {
                    throw new InvalidOperationException($"{c}: {where} shows {cell.Value}, not {expected}.");
                }
                if ((expected is null) != (cell.Status == CellStatus.NotAvailable))
                {
                    throw new InvalidOperationException($"{c}: {where} is {cell.Status} for {expected?.ToString() ?? "nothing"}.");
                }
            }
        });

    [Test]
    public void No_line_has_exactly_one_hidden_entry_so_none_can_be_worked_out_by_subtraction() =>
        Check(Cases(Gen.Elements(1, 3, 5, 7, 9)), (c, t) =>
        {
            foreach (var (name, entries) in Lines(t))
            {
                var hidden = entries.Count(e => e.IsHidden);
                if (hidden == 1) throw new InvalidOperationException($"{c}: {name} has one hidden entry.");
            }
        });

    [Test]
    public void With_threshold_5_no_shown_text_is_1_to_5() =>
        Check(Cases(Gen.Constant(5)), (c, t) =>
        {
            string[] small = ["1", "2", "3", "4", "5"];
            foreach (var (where, cell, _) in Entries(c, t))
            {
                if (small.Contains(cell.Text)) throw new InvalidOperationException($"{c}: {where} prints {cell.Text}.");
            }
        });
}

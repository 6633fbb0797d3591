using Dashboard.Core.Suppression;
using static Dashboard.Core.Suppression.CellStatus;

namespace Dashboard.Core.Tests.Suppression;

public class TableSuppressionTests
{
    private static CellStatus[][] Statuses(SuppressedTable t) =>
        [.. Enumerable.Range(0, t.RowCount).Select(r => t.Row(r).Select(c => c.Status).ToArray()), [.. t.TotalsRow().Select(c => c.Status)]];

    private static string[][] Texts(SuppressedTable t) =>
        [.. Enumerable.Range(0, t.RowCount).Select(r => t.Row(r).Select(c => c.Text).ToArray()), [.. t.TotalsRow().Select(c => c.Text)]];

    [Test]
    public void A_team_with_3_not_met_hides_another_cell_in_its_row_and_each_column_needs_a_second_hidden_cell()
    {
        // Teams by [met, not met]. Team A's 3 is hidden; its 40 goes too (43 - 40 = 3). The met column then has
        // one hidden cell, so its smallest other cell (C's 25) goes; the not met column likewise loses B's 10.
        // Rows B and C now have one hidden cell each and lose their other cell. D and every total stay shown.
        var table = TableSuppression.Apply(new int?[,]
        {
            { 40, 3 },
            { 30, 10 },
            { 25, 12 },
            { 50, 20 },
        }, SuppressionRule.Default);

        Assert.That(Statuses(table), Is.EqualTo(new[]
        {
            new[] { Secondary, Primary, Shown },
            new[] { Secondary, Secondary, Shown },
            new[] { Secondary, Secondary, Shown },
            new[] { Shown, Shown, Shown },
            new[] { Shown, Shown, Shown },
        }));
        Assert.That(Texts(table), Is.EqualTo(new[]
        {
            new[] { "c", "c", "43" },
            new[] { "c", "c", "40" },
            new[] { "c", "c", "37" },
            new[] { "50", "20", "70" },
            new[] { "145", "45", "190" },
        }));
    }

    [Test]
    public void Small_totals_including_the_grand_total_are_hidden_and_zeros_are_shown()
    {
        var table = TableSuppression.Apply(new int?[,] { { 1, 2 }, { 0, 1 } }, SuppressionRule.Default);

        Assert.That(table.GrandTotal.Status, Is.EqualTo(Primary));
        Assert.That(table.GrandTotal.Text, Is.EqualTo("c"));
        Assert.That(table.Cell(1, 0).Text, Is.EqualTo("0"));
        Assert.That(Statuses(table), Is.EqualTo(new[]
        {
            new[] { Primary, Primary, Primary },
            new[] { Shown, Primary, Primary },
            new[] { Primary, Primary, Primary },
        }));
    }

    [Test]
    public void A_non_zero_cell_is_hidden_before_a_zero_and_a_total_when_no_cell_is_left()
    {
        // One row [0, 3, 20] totalling 23: the 20 goes rather than the 0. Column 3 is then [20 hidden, total 20]
        // with no other cell, so its total goes.
        var table = TableSuppression.Apply(new int?[,] { { 0, 3, 20 } }, SuppressionRule.Default);

        Assert.That(Texts(table), Is.EqualTo(new[]
        {
            new[] { "0", "c", "c", "23" },
            new[] { "0", "c", "c", "23" },
        }));
        Assert.That(table.ColumnTotal(2).Status, Is.EqualTo(Secondary));
    }

    [Test]
    public void Between_equal_cells_the_first_is_hidden()
    {
        var table = TableSuppression.Apply(new int?[,] { { 3, 9, 9 } }, SuppressionRule.Default);

        Assert.That(table.Cell(0, 1).Status, Is.EqualTo(Secondary));
        Assert.That(table.Cell(0, 2).Status, Is.EqualTo(Shown));
    }

    [Test]
    public void A_cell_not_available_is_x_and_is_left_out_of_the_totals()
    {
        // Totals: rows 10 and 23, columns 3 and 30, grand 33. The 3 and its column total are small; row 2 then
        // loses its 20 and the totals row its 30. Row 1 is [x, 10] totalling 10 and stays shown.
        var table = TableSuppression.Apply(new int?[,] { { null, 10 }, { 3, 20 } }, SuppressionRule.Default);

        Assert.That(Texts(table), Is.EqualTo(new[]
        {
            new[] { "x", "10", "10" },
            new[] { "c", "c", "23" },
            new[] { "c", "c", "33" },
        }));
        Assert.That(table.Cell(0, 0).Status, Is.EqualTo(NotAvailable));
    }

    [Test]
    public void A_row_of_nothing_available_has_a_total_not_available()
    {
        var table = TableSuppression.Apply(new int?[,] { { null, null }, { 10, 20 } }, SuppressionRule.Default);

        Assert.That(table.RowTotal(0).Text, Is.EqualTo("x"));
        Assert.That(table.GrandTotal.Text, Is.EqualTo("30"));
    }

    [Test]
    public void A_table_given_as_rows_is_the_same_as_one_given_as_a_grid()
    {
        var grid = TableSuppression.Apply(new int?[,] { { 40, 3 }, { 30, 10 } }, SuppressionRule.Default);
        var rows = TableSuppression.Apply([[40, 3], [30, 10]], SuppressionRule.Default);

        Assert.That(Texts(rows), Is.EqualTo(Texts(grid)));
    }

    [Test]
    public void Negative_counts_ragged_rows_and_empty_tables_are_refused()
    {
        Assert.That(() => TableSuppression.Apply(new int?[,] { { -1 } }, SuppressionRule.Default), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => TableSuppression.Apply([[1, 2], [3]], SuppressionRule.Default), Throws.ArgumentException);
        Assert.That(() => TableSuppression.Apply(new int?[0, 2], SuppressionRule.Default), Throws.ArgumentException);
    }
}

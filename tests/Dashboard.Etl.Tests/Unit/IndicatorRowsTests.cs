using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Etl.Load;

namespace Dashboard.Etl.Tests.Unit;

/// <summary>
/// The stored form of the engine's figures and exception rows: sharing the repeated values (period text, as-at date,
/// load id, small counts) must give rows with the same values, column for column, as building each afresh.
/// </summary>
public class IndicatorRowsTests
{
    private static readonly Month March = new(2026, 3);
    private static readonly DateOnly AsAt = new(2026, 3, 31);

    private static IndicatorRows Rows() => new(
        new IndicatorStep.ScopeNames(new CaseFacts
        {
            Teams = [new Team("T1", "Team one", "A1", "North")],
            WorkerSpells = [new WorkerSpell("W1", "Ann Smith", "T1", new DateOnly(2020, 1, 1))],
        }, "Testshire"),
        new Dictionary<string, long>(StringComparer.Ordinal) { ["P1"] = 42 },
        loadId: 7);

    [Test]
    public void A_figure_row_holds_every_column_in_order()
    {
        var row = Rows().Result(new IndicatorResult("SEEN-01", null, March, AsAt, new Scope(ScopeLevel.Worker, "W1"), 9, 12, 75.0000004m));

        Assert.That(row, Is.EqualTo(new object?[]
        {
            "SEEN-01", "", "2026-03", AsAt, "worker", "W1", "Ann Smith", 9, 12, 75.000000m, null, 7L,
        }));
    }

    [Test]
    public void Counts_of_any_size_keep_their_value_and_a_new_month_gets_its_own_period()
    {
        var rows = Rows();
        var first = rows.Result(new IndicatorResult("FRONT-01", "POLICE", March, AsAt, Scope.Council, 4_095, 4_096, null, "Not available"));
        var next = rows.Result(new IndicatorResult("FRONT-01", null, March.Next(), new DateOnly(2026, 4, 30), new Scope(ScopeLevel.Team, "T1"), -1, 1_000_000, 0m));

        Assert.That(first[1..], Is.EqualTo(new object?[] { "POLICE", "2026-03", AsAt, "council", "council", "Testshire", 4_095, 4_096, null, "Not available", 7L }));
        Assert.That(next[2..10], Is.EqualTo(new object?[] { "2026-04", new DateOnly(2026, 4, 30), "team", "T1", "Team one", -1, 1_000_000, 0m }));
        var twelve = IndicatorRows.Count(12);
        Assert.That(IndicatorRows.Count(3 * 4), Is.SameAs(twelve), "small counts share one box");
        var large = IndicatorRows.Count(5_000);
        Assert.That(IndicatorRows.Count(5 * 1_000), Is.Not.SameAs(large).And.EqualTo(5_000), "larger ones are boxed each time");
    }

    [Test]
    public void An_exception_row_names_the_child_s_key_and_the_unit_of_its_lateness()
    {
        var rows = Rows();
        var late = rows.Exception(new ExceptionRow("SEEN-01", null, March, AsAt, "P1", "CP1", "T1", "W1", "A1",
            new ExceptionDetail("CP visit", new DateOnly(2026, 3, 20), 7, InWorkingDays: true)));
        var unknown = rows.Exception(new ExceptionRow("OVERSIGHT-02", "S", March, AsAt, null, "x|T1", "T1", null, "A1",
            new ExceptionDetail("Rate outside the limits")));
        var unknownChild = rows.Exception(new ExceptionRow("SEEN-04", null, March, AsAt, "P9", "CLA1", "T1", null, "A1",
            new ExceptionDetail("CLA visit", AsAt, 5_000)));

        Assert.That(late, Is.EqualTo(new object?[]
        {
            "SEEN-01", "", "2026-03", AsAt, "P1", 42L, "CP1", "T1", "W1", "A1", "CP visit", new DateOnly(2026, 3, 20), 7, "working days", 7L,
        }));
        Assert.That(unknown[4..14], Is.EqualTo(new object?[] { null, 0L, "x|T1", "T1", null, "A1", "Rate outside the limits", null, null, null }));
        Assert.That(unknownChild[5], Is.EqualTo(0L), "a child the load does not know stores key 0");
        Assert.That(unknownChild[12..14], Is.EqualTo(new object?[] { 5_000, "days" }));
    }
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Data.Indicators;

namespace Dashboard.Data.Tests.Indicators;

public sealed class RollingRowsTests
{
    private static StoredIndicator Row(string id, string period, string team, int n, int d) =>
        new(id, null, period, Month.Parse(period).Last, "team", team, team + " name", n, d, d == 0 ? null : 100m * n / d, null);

    [Test]
    public void A_single_month_returns_the_rows_as_stored()
    {
        IReadOnlyList<StoredIndicator> rows = [Row("RISK-01", "2026-01", "T1", 1, 2)];
        Assert.That(RollingRows.Apply(rows, FigureLength.OneMonth, new Month(2025, 1)), Is.SameAs(rows));
    }

    [Test]
    public void Each_team_gets_its_windows_sum_and_a_team_quiet_in_the_last_month_still_has_its_window()
    {
        IReadOnlyList<StoredIndicator> rows =
        [
            Row("RISK-01", "2026-01", "T1", 1, 2), Row("RISK-01", "2026-02", "T1", 2, 2), Row("RISK-01", "2026-03", "T1", 3, 4),
            // T2 counted only in January: its windows to February and March still hold that work.
            Row("RISK-01", "2026-01", "T2", 1, 1),
        ];
        var rolled = RollingRows.Apply(rows, FigureLength.ThreeMonths, new Month(2025, 1));
        StoredIndicator At(string team, string period) => rolled.Single(r => r.ScopeId == team && r.Period == period);

        Assert.Multiple(() =>
        {
            Assert.That((At("T1", "2026-03").Numerator, At("T1", "2026-03").Denominator), Is.EqualTo((6, 8)));
            Assert.That(At("T1", "2026-03").Value, Is.EqualTo(75m));
            Assert.That((At("T1", "2026-02").Numerator, At("T1", "2026-02").Denominator), Is.EqualTo((3, 4)));
            Assert.That((At("T2", "2026-03").Numerator, At("T2", "2026-03").Denominator), Is.EqualTo((1, 1)));
            Assert.That(At("T2", "2026-03").ScopeName, Is.EqualTo("T2 name"));
            Assert.That(rolled.Any(r => Month.Parse(r.Period) > new Month(2026, 3)), Is.False, "no window ends after the latest month read");
        });
    }

    [Test]
    public void Windows_that_start_before_the_first_month_offered_are_left_out()
    {
        IReadOnlyList<StoredIndicator> rows = [Row("RISK-01", "2026-01", "T1", 1, 2), Row("RISK-01", "2026-02", "T1", 2, 2), Row("RISK-01", "2026-03", "T1", 3, 4)];
        var rolled = RollingRows.Apply(rows, FigureLength.ThreeMonths, new Month(2026, 1));

        Assert.That(rolled.Select(r => r.Period), Is.EqualTo(new[] { "2026-03" }));
    }

    [Test]
    public void Rows_of_measures_that_do_not_roll_are_kept_as_stored()
    {
        IReadOnlyList<StoredIndicator> rows = [Row("RISK-02", "2026-02", "T1", 4, 10), Row("RISK-02", "2026-03", "T1", 5, 12)];
        var rolled = RollingRows.Apply(rows, FigureLength.TwelveMonths, new Month(2020, 1));

        Assert.That(rolled, Is.EquivalentTo(rows));
    }
}

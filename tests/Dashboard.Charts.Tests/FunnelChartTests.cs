using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

public class FunnelChartTests
{
    private const decimal Centre = 0.30m;

    private static List<(string Label, FunnelPoint Point)> Units()
    {
        FunnelUnit[] units = [new("North", 6, 20), new("South", 60, 100), new("East", 30, 100), new("West", 40, 200)];
        return FunnelPlot.Plot(units, Centre).Select(p => (p.Id, p)).ToList();
    }

    private static ChartSpec Build() => FunnelChart.Build("Referrals leading to no further action", Units(), Centre, IndicatorUnit.Percent, "Referrals");

    [Test]
    public void Limit_curves_narrow_as_size_grows_and_always_contain_the_centre()
    {
        var curves = FunnelChart.Curves(Centre, 200);
        Assert.That(curves.Select(c => c.N), Is.Ordered.Ascending.And.Unique);
        Assert.That(curves[0].N, Is.EqualTo(1));
        Assert.That(curves[^1].N, Is.EqualTo(200));
        Assert.That(curves, Has.Count.InRange(40, FunnelChart.CurvePoints + 1));
        for (var i = 1; i < curves.Count; i++)
        {
            Assert.That(curves[i].U998 - curves[i].L998, Is.LessThanOrEqualTo(curves[i - 1].U998 - curves[i - 1].L998));
            Assert.That(curves[i].U95 - curves[i].L95, Is.LessThanOrEqualTo(curves[i - 1].U95 - curves[i - 1].L95));
        }
        Assert.That(curves, Has.All.Matches<(int N, decimal L95, decimal U95, decimal L998, decimal U998)>(
            c => c.L998 <= c.L95 && c.L95 <= Centre && Centre <= c.U95 && c.U95 <= c.U998));
    }

    [Test]
    public void Table_has_each_unit_with_its_rate_limits_and_position()
    {
        var chart = Build();
        Assert.That(chart.Table.Headers, Is.EqualTo(new[] { "Name", "Numerator", "Denominator", "Rate", "95% limits", "99.8% limits", "Position" }));
        Assert.That(chart.Table.Rows.Select(r => r[0]), Is.EqualTo(new[] { "North", "South", "East", "West" }));
        Assert.That(chart.Table.Rows[1][3], Is.EqualTo("60.0%"));
        Assert.That(chart.Table.Rows[1][6], Is.EqualTo("Above the 99.8% limits"));
        Assert.That(chart.Table.Rows[0][6], Is.EqualTo("Within the 95% limits"));
    }

    [Test]
    public void A_centre_given_as_a_percentage_is_refused()
    {
        Assert.That(() => FunnelChart.Build("x", Units(), 30m, IndicatorUnit.Percent), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}

using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Tests.Indicators.Statistics;

public class FunnelPlotTests
{
    // Around p0 = 0.2 at n = 100, sigma = 0.04: 95% limits 0.2 +/- 0.0784 and 99.8% limits 0.2 +/- 0.1236.

    [Test]
    public void Limits_at_95_and_99_8_percent_use_the_normal_approximation_to_the_binomial()
    {
        var (lower95, upper95) = FunnelPlot.Limits(0.2m, 100, FunnelPlot.Z95);
        var (lower998, upper998) = FunnelPlot.Limits(0.2m, 100, FunnelPlot.Z998);

        Assert.That(upper95, Is.EqualTo(0.2783986m).Within(0.0000001m));
        Assert.That(lower95, Is.EqualTo(0.1216014m).Within(0.0000001m));
        Assert.That(upper998, Is.EqualTo(0.3236093m).Within(0.0000001m));
        Assert.That(lower998, Is.EqualTo(0.0763907m).Within(0.0000001m));
    }

    [Test]
    public void A_unit_between_the_95_and_99_8_limits_is_flagged_at_95_but_is_not_an_outlier()
    {
        var points = FunnelPlot.Plot([new FunnelUnit("A", 28, 100), new FunnelUnit("B", 33, 100), new FunnelUnit("C", 0, 5)], centre: 0.2m);

        Assert.That(points[0].At95, Is.EqualTo(FunnelPosition.Above));
        Assert.That(points[0].IsOutlier, Is.False);
        Assert.That(points[1].At998, Is.EqualTo(FunnelPosition.Above));
        Assert.That(points[1].IsOutlier, Is.True);
        Assert.That(points[2].Lower998, Is.Zero, "limits are clipped at 0");
        Assert.That(points[2].IsOutlier, Is.False, "a small unit needs a big difference");
    }

    [Test]
    public void Without_a_centre_the_pooled_rate_of_all_units_is_used_and_empty_units_are_left_out()
    {
        var points = FunnelPlot.Plot([new FunnelUnit("A", 10, 100), new FunnelUnit("B", 30, 100), new FunnelUnit("Empty", 0, 0)]);

        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points[0].Upper95 + points[0].Lower95, Is.EqualTo(0.4m).Within(0.0000001m), "symmetric around 0.2");
    }

    [Test]
    public void Decimal_square_root_is_exact_where_it_should_be() =>
        Assert.That(DecimalMath.Sqrt(0.0016m), Is.EqualTo(0.04m));
}

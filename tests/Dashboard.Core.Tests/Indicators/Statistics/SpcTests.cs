using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Tests.Indicators.Statistics;

public class SpcTests
{
    private static SpcInput[] Series(params decimal[] values) =>
        [.. values.Select((v, i) => new SpcInput(new Month(2023, 1).AddMonths(i), v))];

    private static SpcResult Xmr(Polarity polarity, decimal? target, params decimal[] values) =>
        Spc.Analyse(Series(values), polarity, IndicatorUnit.Count, target);

    [Test]
    public void XmR_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges()
    {
        // Mean 58/5 = 11.6; moving ranges 2, 1, 2, 1: mean 1.5; 2.66 x 1.5 = 3.99.
        var r = Xmr(Polarity.LowerIsBetter, null, 10, 12, 11, 13, 12);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.XmR));
        Assert.That(r.Mean, Is.EqualTo(11.6m));
        Assert.That(r.MeanMovingRange, Is.EqualTo(1.5m));
        Assert.That(r.Points[0].Upper, Is.EqualTo(15.59m));
        Assert.That(r.Points[0].Lower, Is.EqualTo(7.61m));
        Assert.That(r.VariationWords, Is.EqualTo("no significant change"));
        Assert.That(r.FewerPointsThanRecommended, Is.True);
    }

    [Test]
    public void Only_the_latest_24_months_are_charted_so_old_history_does_not_decide_today_s_assurance()
    {
        // Three years at about 50, then two steady years at about 95 against a target of 90.
        var values = Enumerable.Range(0, 36).Select(i => 50m + (i % 2)).Concat(Enumerable.Range(0, 24).Select(i => 95m + (i % 2))).ToArray();

        var recent = Xmr(Polarity.HigherIsBetter, 90, values);
        var everything = Spc.Analyse(Series(values), Polarity.HigherIsBetter, IndicatorUnit.Count, 90, new SpcOptions { WindowMonths = null });

        Assert.That(recent.Points, Has.Count.EqualTo(SpcOptions.DefaultWindowMonths));
        Assert.That(recent.Points[0].Month, Is.EqualTo(new Month(2026, 1)));
        Assert.That(recent.Assurance, Is.EqualTo(Assurance.ReliablyMet));
        Assert.That(everything.Points, Has.Count.EqualTo(60));
        Assert.That(everything.Assurance, Is.Not.EqualTo(Assurance.ReliablyMet), "a decade-long baseline would hide the change");
    }

    [Test]
    public void A_point_above_the_upper_limit_is_improving_when_higher_is_better_and_deteriorating_when_lower_is()
    {
        decimal[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 20];

        Assert.That(Xmr(Polarity.HigherIsBetter, null, values).Points[^1].Causes, Is.EqualTo(SpecialCause.OutsideLimits));
        Assert.That(Xmr(Polarity.HigherIsBetter, null, values).VariationWords, Is.EqualTo("improving"));
        Assert.That(Xmr(Polarity.LowerIsBetter, null, values).VariationWords, Is.EqualTo("deteriorating"));
        Assert.That(Xmr(Polarity.Neither, null, values).VariationWords, Is.EqualTo("higher than usual"));
    }

    [Test]
    public void A_run_of_7_on_one_side_of_the_mean_is_a_shift()
    {
        // Mean 140/13 = 10.77; the last seven (11s and 12s) are all above it, inside the limits.
        var r = Xmr(Polarity.HigherIsBetter, null, 15, 5, 15, 5, 15, 5, 11, 12, 11, 12, 11, 12, 11);

        Assert.That(r.Points.Select(p => p.Causes.HasFlag(SpecialCause.Shift)), Is.EqualTo(Enumerable.Repeat(false, 6).Concat(Enumerable.Repeat(true, 7))));
        Assert.That(r.Points.All(p => !p.Causes.HasFlag(SpecialCause.OutsideLimits)), Is.True);
        Assert.That(r.Variation, Is.EqualTo(Variation.Improving));
    }

    [Test]
    public void A_run_of_6_only_is_not_a_shift()
    {
        var r = Xmr(Polarity.HigherIsBetter, null, 5, 15, 5, 15, 5, 15, 5, 11, 12, 11, 12, 11, 12);

        Assert.That(r.Points.Any(p => p.Causes.HasFlag(SpecialCause.Shift)), Is.False);
    }

    [Test]
    public void Six_points_each_rising_is_a_trend_and_deteriorating_when_lower_is_better()
    {
        var r = Xmr(Polarity.LowerIsBetter, null, 6, 14, 6, 14, 6, 14, 8, 9, 10, 11, 12, 13);

        Assert.That(r.Points.Select(p => p.Causes.HasFlag(SpecialCause.Trend)), Is.EqualTo(Enumerable.Repeat(false, 6).Concat(Enumerable.Repeat(true, 6))));
        Assert.That(r.VariationWords, Is.EqualTo("deteriorating"));
    }

    [Test]
    public void A_repeated_value_breaks_a_trend() =>
        Assert.That(Xmr(Polarity.LowerIsBetter, null, 6, 14, 6, 14, 6, 14, 8, 9, 10, 10, 12, 13).Points.Any(p => p.Causes.HasFlag(SpecialCause.Trend)), Is.False);

    [Test]
    public void Two_of_three_beyond_two_sigma_with_limits_from_a_baseline()
    {
        // Baseline of ten points: mean 11, mean moving range 2, so 2 sigma is 11 + 2/3 x 5.32 = 14.55 and the limit 16.32.
        var r = Spc.Analyse(Series(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 15, 15), Polarity.HigherIsBetter, IndicatorUnit.Count,
            options: new SpcOptions { BaselinePoints = 10 });

        Assert.That(r.Mean, Is.EqualTo(11m));
        Assert.That(r.Points[^1].Causes, Is.EqualTo(SpecialCause.TwoOfThreeBeyondTwoSigma));
        Assert.That(r.Points[^2].Causes, Is.EqualTo(SpecialCause.TwoOfThreeBeyondTwoSigma));
        Assert.That(r.Points[^3].Causes, Is.EqualTo(SpecialCause.None));
        Assert.That(r.VariationWords, Is.EqualTo("improving"));
    }

    [TestCase(Polarity.HigherIsBetter, 90, "target reliably met")]
    [TestCase(Polarity.HigherIsBetter, 99, "target reliably missed")]
    [TestCase(Polarity.HigherIsBetter, 95, "could go either way")]
    [TestCase(Polarity.LowerIsBetter, 99, "target reliably met")]
    [TestCase(Polarity.LowerIsBetter, 90, "target reliably missed")]
    [TestCase(Polarity.Neither, 90, "no target")]
    public void Assurance_comes_from_where_the_limits_sit_against_the_target(Polarity polarity, int target, string words)
    {
        // Mean 95.5, mean moving range 1: limits 92.84 to 98.16.
        var r = Xmr(polarity, target, 95, 96, 95, 96, 95, 96, 95, 96);

        Assert.That(r.AssuranceWords, Is.EqualTo(words));
    }

    [Test]
    public void A_p_chart_has_limits_for_each_month_from_its_own_denominator()
    {
        // p-bar = 0.8. At n = 100, 3 sigma = 3 x 0.04 = 12 points; at n = 400, 6 points.
        SpcInput[] series =
        [
            new(new Month(2024, 1), 80m, 80, 100), new(new Month(2024, 2), 82m, 82, 100), new(new Month(2024, 3), 78m, 78, 100),
            new(new Month(2024, 4), 80m, 320, 400),
        ];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Percent, options: new SpcOptions { Kind = ChartKind.PChart });

        Assert.That(r.Mean, Is.EqualTo(80m));
        Assert.That((r.Points[0].Lower, r.Points[0].Upper), Is.EqualTo(((decimal?)68m, (decimal?)92m)));
        Assert.That((r.Points[3].Lower, r.Points[3].Upper), Is.EqualTo(((decimal?)74m, (decimal?)86m)));
    }

    [Test]
    public void Percentages_default_to_Laney_p_prime_which_scales_the_p_chart_by_the_spread_of_z_scores()
    {
        // z-scores 0, 0.5, -0.5, 0: mean moving range 2/3, sigma-z = (2/3) / 1.128 = 0.591017.
        SpcInput[] series =
        [
            new(new Month(2024, 1), 80m, 80, 100), new(new Month(2024, 2), 82m, 82, 100), new(new Month(2024, 3), 78m, 78, 100),
            new(new Month(2024, 4), 80m, 80, 100),
        ];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Percent);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.PPrimeChart));
        Assert.That(r.Points[0].Upper!.Value, Is.EqualTo(80m + (12m * 0.591017m)).Within(0.0001m));
    }

    [Test]
    public void Months_with_no_value_are_left_off_and_one_point_is_not_enough()
    {
        SpcInput[] series = [new(new Month(2024, 1), null), new(new Month(2024, 2), 50m)];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Count, 40m);

        Assert.That(r.Points, Has.Count.EqualTo(1));
        Assert.That(r.VariationWords, Is.EqualTo("not enough data"));
        Assert.That(r.Points[0].Upper, Is.Null);
    }

    [Test]
    public void A_chart_straight_from_engine_results_uses_the_indicator_s_polarity_unit_and_local_target()
    {
        var months = Enumerable.Range(0, 4).Select(i => new Month(2024, 1).AddMonths(i)).ToArray();
        var results = months.Select((m, i) => new Dashboard.Core.Indicators.Engine.IndicatorResult("SEEN-01", null, m, m.Last,
            Dashboard.Core.Indicators.Engine.Scope.Council, 90 + i, 100, 90m + i)).ToList();
        var settings = Dashboard.Core.Indicators.Settings.IndicatorSettings.Default.WithTarget("SEEN-01", 50m);

        var r = Spc.ForResults(results, IndicatorCatalogue.Get("SEEN-01").Definition, settings);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.PPrimeChart));
        Assert.That(r.Target, Is.EqualTo(50m));
        Assert.That(r.AssuranceWords, Is.EqualTo("target reliably met"));
    }
}

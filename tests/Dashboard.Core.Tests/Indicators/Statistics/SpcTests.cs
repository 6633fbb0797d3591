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
        // Mean 77/7 = 11; moving ranges 2, 1, 2, 1, 2, 1: mean 1.5; 2.66 x 1.5 = 3.99.
        var r = Xmr(Polarity.LowerIsBetter, null, 10, 12, 11, 13, 12, 10, 9);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.XmR));
        Assert.That(r.Mean, Is.EqualTo(11m));
        Assert.That(r.MeanMovingRange, Is.EqualTo(1.5m));
        Assert.That(r.Points[0].Upper, Is.EqualTo(14.99m));
        Assert.That(r.Points[0].Lower, Is.EqualTo(7.01m));
        Assert.That(r.Phases, Has.Count.EqualTo(1));
        Assert.That(r.VariationWords, Is.EqualTo("no real change"));
        Assert.That(r.FewerPointsThanRecommended, Is.True);
    }

    [Test]
    public void Only_the_latest_24_months_are_charted_and_with_every_month_the_step_starts_a_new_phase()
    {
        // Three years at about 50, then two steady years at about 95 against a target of 90.
        var values = Enumerable.Range(0, 36).Select(i => 50m + (i % 2)).Concat(Enumerable.Range(0, 24).Select(i => 95m + (i % 2))).ToArray();

        var recent = Xmr(Polarity.HigherIsBetter, 90, values);
        var everything = Spc.Analyse(Series(values), Polarity.HigherIsBetter, IndicatorUnit.Count, 90, new SpcOptions { WindowMonths = null });

        Assert.That(recent.Points, Has.Count.EqualTo(SpcOptions.DefaultWindowMonths));
        Assert.That(recent.Points[0].Month, Is.EqualTo(new Month(2026, 1)));
        Assert.That(recent.Assurance, Is.EqualTo(Assurance.ConsistentlyMet));
        Assert.That(everything.Points, Has.Count.EqualTo(60));
        Assert.That(everything.Phases.Select(p => p.Start), Is.EqualTo(new[] { new Month(2023, 1), new Month(2026, 1) }),
            "the old level is its own phase, so it does not widen today's limits");
        Assert.That(everything.Assurance, Is.EqualTo(Assurance.ConsistentlyMet));
    }

    [Test]
    public void A_point_above_the_upper_limit_is_improving_when_higher_is_better_and_deteriorating_when_lower_is()
    {
        decimal[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 20];

        Assert.That(Xmr(Polarity.HigherIsBetter, null, values).Points[^1].Causes, Is.EqualTo(SpecialCause.OutsideLimits));
        Assert.That(Xmr(Polarity.HigherIsBetter, null, values).VariationWords, Is.EqualTo("getting better"));
        Assert.That(Xmr(Polarity.LowerIsBetter, null, values).VariationWords, Is.EqualTo("getting worse"));
        Assert.That(Xmr(Polarity.Neither, null, values).VariationWords, Is.EqualTo("higher than usual"));
    }

    [Test]
    public void A_run_of_7_at_the_start_of_a_phase_is_a_shift_within_it()
    {
        // Mean 141/13 = 10.85: the first seven (11s and 12s) are all above it; the rest swing either side, so no later run
        // starts a new phase.
        var r = Xmr(Polarity.HigherIsBetter, null, 12, 11, 12, 11, 12, 11, 12, 5, 15, 5, 15, 5, 15);

        Assert.That(r.Phases, Has.Count.EqualTo(1));
        Assert.That(r.Points.Select(p => p.Causes.HasFlag(SpecialCause.Shift)), Is.EqualTo(Enumerable.Repeat(true, 7).Concat(Enumerable.Repeat(false, 6))));
        Assert.That(r.Points[0].Signal, Is.EqualTo(SignalDirection.High));
        Assert.That(r.Variation, Is.EqualTo(Variation.NoSignificantChange), "the latest month is not part of the run");
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
        Assert.That(r.VariationWords, Is.EqualTo("getting worse"));
    }

    [Test]
    public void A_repeated_value_breaks_a_trend() =>
        Assert.That(Xmr(Polarity.LowerIsBetter, null, 6, 14, 6, 14, 6, 14, 8, 9, 10, 10, 12, 13).Points.Any(p => p.Causes.HasFlag(SpecialCause.Trend)), Is.False);

    [Test]
    public void Two_of_three_beyond_two_sigma()
    {
        // Mean 142/12 = 11.83, mean moving range 22/11 = 2: two sigma is 11.83 + 2/3 x 5.32 = 15.38, the limit 17.15.
        var r = Xmr(Polarity.HigherIsBetter, null, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 16, 16);

        Assert.That(r.MeanMovingRange, Is.EqualTo(2m));
        Assert.That(r.Points[^1].Causes, Is.EqualTo(SpecialCause.TwoOfThreeBeyondTwoSigma));
        Assert.That(r.Points[^2].Causes, Is.EqualTo(SpecialCause.TwoOfThreeBeyondTwoSigma));
        Assert.That(r.Points[^3].Causes, Is.EqualTo(SpecialCause.None));
        Assert.That(r.VariationWords, Is.EqualTo("getting better"));
    }

    [TestCase(Polarity.HigherIsBetter, 90, "consistently meets the target")]
    [TestCase(Polarity.HigherIsBetter, 99, "consistently below the target")]
    [TestCase(Polarity.HigherIsBetter, 95, "may or may not meet the target")]
    [TestCase(Polarity.LowerIsBetter, 99, "consistently meets the target")]
    [TestCase(Polarity.LowerIsBetter, 90, "consistently above the target")]
    [TestCase(Polarity.LowerIsBetter, 95, "may or may not meet the target")]
    [TestCase(Polarity.Neither, 90, "no target set")]
    public void Assurance_comes_from_where_the_limits_sit_against_the_target(Polarity polarity, int target, string words)
    {
        // Mean 95.5, mean moving range 1: limits 92.84 to 98.16.
        var r = Xmr(polarity, target, 95, 96, 95, 96, 95, 96, 95, 96);

        Assert.That(r.AssuranceWords, Is.EqualTo(words));
    }

    [Test]
    public void A_p_chart_has_limits_for_each_month_from_its_own_denominator()
    {
        // p-bar = 800 / 1000 = 0.8. At n = 100, 3 sigma = 3 x 0.04 = 12 points; at n = 400, 6 points.
        SpcInput[] series =
        [
            new(new Month(2024, 1), 80m, 80, 100), new(new Month(2024, 2), 82m, 82, 100), new(new Month(2024, 3), 78m, 78, 100),
            new(new Month(2024, 4), 80m, 320, 400), new(new Month(2024, 5), 80m, 80, 100), new(new Month(2024, 6), 80m, 80, 100),
            new(new Month(2024, 7), 80m, 80, 100),
        ];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Percent, options: new SpcOptions { Kind = ChartKind.PChart });

        Assert.That(r.Mean, Is.EqualTo(80m));
        Assert.That((r.Points[0].Lower, r.Points[0].Upper), Is.EqualTo(((decimal?)68m, (decimal?)92m)));
        Assert.That((r.Points[3].Lower, r.Points[3].Upper), Is.EqualTo(((decimal?)74m, (decimal?)86m)));
    }

    [Test]
    public void Percentages_default_to_Laney_p_prime_which_scales_the_p_chart_by_the_spread_of_z_scores()
    {
        // z-scores 0, 0.5, -0.5, 0, 0, 0, 0: moving ranges 0.5, 1, 0.5, 0, 0, 0, mean 1/3; sigma-z = (1/3) / 1.128 = 0.295508.
        SpcInput[] series =
        [
            new(new Month(2024, 1), 80m, 80, 100), new(new Month(2024, 2), 82m, 82, 100), new(new Month(2024, 3), 78m, 78, 100),
            new(new Month(2024, 4), 80m, 80, 100), new(new Month(2024, 5), 80m, 80, 100), new(new Month(2024, 6), 80m, 80, 100),
            new(new Month(2024, 7), 80m, 80, 100),
        ];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Percent);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.PPrimeChart));
        Assert.That(r.Points[0].Upper!.Value, Is.EqualTo(80m + (12m * 0.295508m)).Within(0.0001m));
    }

    [Test]
    public void Months_with_no_value_are_left_off_and_one_point_is_not_enough()
    {
        SpcInput[] series = [new(new Month(2024, 1), null), new(new Month(2024, 2), 50m)];

        var r = Spc.Analyse(series, Polarity.HigherIsBetter, IndicatorUnit.Count, 40m);

        Assert.That(r.Points, Has.Count.EqualTo(1));
        Assert.That(r.VariationWords, Is.EqualTo("too few months to judge yet"));
        Assert.That(r.Assurance, Is.EqualTo(Assurance.NotEnoughData));
        Assert.That(r.Headline, Is.EqualTo("Too few months to judge yet"));
        Assert.That(r.Points[0].Upper, Is.Null);
    }

    [Test]
    public void A_chart_straight_from_engine_results_uses_the_indicator_s_polarity_unit_and_local_target()
    {
        var months = Enumerable.Range(0, 8).Select(i => new Month(2024, 1).AddMonths(i)).ToArray();
        var results = months.Select((m, i) => new Dashboard.Core.Indicators.Engine.IndicatorResult("SEEN-01", null, m, m.Last,
            Dashboard.Core.Indicators.Engine.Scope.Council, 90 + (i % 2), 100, 90m + (i % 2))).ToList();
        var settings = Dashboard.Core.Indicators.Settings.IndicatorSettings.Default.WithTarget("SEEN-01", 50m);

        var r = Spc.ForResults(results, IndicatorCatalogue.Get("SEEN-01").Definition, settings);

        Assert.That(r.Kind, Is.EqualTo(ChartKind.PPrimeChart));
        Assert.That(r.Target, Is.EqualTo(50m));
        Assert.That(r.AssuranceWords, Is.EqualTo("consistently meets the target"));
    }
}

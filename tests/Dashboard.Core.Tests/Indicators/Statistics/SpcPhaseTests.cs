using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Tests.Indicators.Statistics;

/// <summary>Limits recalculated in phases (after a sustained shift, at a recorded change) and the plain-words verdict of the latest phase.</summary>
public class SpcPhaseTests
{
    private static readonly Month First = new(2024, 1);

    /// <summary>Month-by-month noise of a few per thousand around a level, the same each time.</summary>
    private static readonly int[] Noise = [0, 6, -4, 3, -7, 5, -2, 4, -5, 2, -3, 7];

    /// <summary>A percentage series with 1,000 in each month's denominator: per-thousand levels, one per month.</summary>
    private static SpcInput[] Rates(params int[] perThousand) =>
        [.. perThousand.Select((x, i) => new SpcInput(First.AddMonths(i), x / 10m, x, 1000))];

    private static int[] Level(int perThousand, int months, int from = 0) =>
        [.. Enumerable.Range(from, months).Select(i => perThousand + Noise[i % Noise.Length])];

    private static SpcResult Percent(SpcInput[] series, decimal? target, Polarity polarity = Polarity.HigherIsBetter, params ChangeDate[] changes) =>
        Spc.Analyse(series, polarity, IndicatorUnit.Percent, target, new SpcOptions { Changes = changes });

    [Test]
    public void A_steady_41_9_percent_against_a_target_of_90_reads_consistently_below_the_target()
    {
        var r = Percent(Rates(Level(419, 24)), 90m);

        Assert.That(r.Phases, Has.Count.EqualTo(1));
        Assert.That(r.Points[^1].Upper, Is.LessThan(90m));
        Assert.That(r.Assurance, Is.EqualTo(Assurance.ConsistentlyMissed));
        Assert.That(r.Headline, Is.EqualTo("No real change; consistently below the target"));
    }

    [Test]
    public void A_steady_rate_above_a_lower_is_better_target_reads_consistently_above_the_target()
    {
        var r = Percent(Rates(Level(419, 24)), 20m, Polarity.LowerIsBetter);

        Assert.That(r.AssuranceWords, Is.EqualTo("consistently above the target"));
    }

    [Test]
    public void A_chart_that_opens_with_a_run_below_the_mean_starts_a_new_phase_where_the_run_ends()
    {
        // Seven months at about 19.5%, then 17 months that wander around 22%, some dipping under the two-year mean (21.3%):
        // no later run of seven, but the step is where the opening run ends (OVERSIGHT-02 on the demo council).
        int[] after = [220, 230, 210, 225, 210, 230, 220, 210, 225, 230, 210, 220, 225, 210, 230, 220, 215];
        var r = Percent(Rates([195, 200, 190, 200, 195, 190, 200, .. after]), 5m, Polarity.LowerIsBetter);

        Assert.That(r.Phases.Select(p => (p.Start, p.Reason)), Is.EqualTo(new[]
        {
            (First, PhaseStart.FirstMonth), (First.AddMonths(7), PhaseStart.SustainedShift),
        }));
        Assert.That(r.Phases[1].Shift, Is.EqualTo(SignalDirection.High));
        Assert.That(r.Points.Take(7).All(p => p.Signal is null), Is.True, "the opening months are not drawn as signals against a later mean");
    }

    [Test]
    public void An_opening_run_followed_by_too_few_months_for_limits_starts_no_phase()
    {
        // Seven low months then five: five months could not set limits, so the chart keeps one phase.
        var r = Percent(Rates([195, 200, 190, 200, 195, 190, 200, 220, 230, 210, 225, 215]), 5m, Polarity.LowerIsBetter);
        Assert.That(r.Phases, Has.Count.EqualTo(1));
    }

    [Test]
    public void After_a_sustained_improvement_the_new_phase_has_its_own_limits_and_the_months_before_are_not_concern()
    {
        // A year at about 60%, then a year at about 85%: the step is a run of 12 above the two-year mean.
        var r = Percent(Rates([.. Level(600, 12), .. Level(850, 12)]), 90m);

        Assert.That(r.Phases.Select(p => (p.Start, p.Reason)), Is.EqualTo(new[]
        {
            (First, PhaseStart.FirstMonth), (First.AddMonths(12), PhaseStart.SustainedShift),
        }));
        Assert.That(r.Phases[1].Shift, Is.EqualTo(SignalDirection.High));
        Assert.That(r.Phases[1].Label, Is.EqualTo("Limits recalculated"));
        Assert.That(r.Points.Take(12).All(p => p.Phase == 0 && p.Mean < 61m && p.Signal is null), Is.True,
            "the months before are judged against their own limits, not drawn as concern");
        Assert.That(r.Points.Skip(12).All(p => p.Phase == 1 && p.Mean > 84m), Is.True);
        Assert.That(r.Mean, Is.EqualTo(r.Phases[1].Mean), "the result's mean is the latest phase's");
        Assert.That(r.VariationWords, Is.AnyOf("getting better", "no real change"));
        Assert.That(r.AssuranceWords, Is.EqualTo("consistently below the target"), "85% with limits well under 90%");
        Assert.That(SpcWords.Sentence(r), Does.StartWith("Since January 2025, when the limits were recalculated after a sustained rise"));
    }

    [Test]
    public void Two_steps_make_three_phases()
    {
        // The middle level sits under the two-year mean, so the whole first 16 months are one run below it and the top step starts at month 17.
        var r = Percent(Rates([.. Level(300, 8), .. Level(480, 8, 8), .. Level(700, 8, 4)]), null);

        Assert.That(r.Phases.Select(p => p.Start), Is.EqualTo(new[] { First, First.AddMonths(8), First.AddMonths(16) }));
        Assert.That(r.Phases.Select(p => p.HasLimits), Is.All.True);
    }

    [Test]
    public void A_sustained_fall_in_counts_is_recalculated_too_and_named_a_fall()
    {
        decimal[] values = [30, 32, 29, 31, 30, 33, 29, 31, 20, 21, 19, 22, 20, 21, 19, 20];
        var r = Spc.Analyse([.. values.Select((v, i) => new SpcInput(First.AddMonths(i), v))], Polarity.LowerIsBetter, IndicatorUnit.Count, 25m);

        Assert.That(r.Phases, Has.Count.EqualTo(2));
        Assert.That(r.Phases[1].Why, Does.StartWith("after a sustained fall"));
        Assert.That(r.Assurance, Is.EqualTo(Assurance.ConsistentlyMet));
    }

    [Test]
    public void A_recorded_change_starts_a_phase_labelled_with_what_changed()
    {
        var change = new ChangeDate(new DateOnly(2024, 10, 15), "New locality teams", []);

        var r = Percent(Rates(Level(700, 20)), 90m, Polarity.HigherIsBetter, change);

        Assert.That(r.Phases.Select(p => (p.Start, p.Reason, p.Label)), Is.EqualTo(new[]
        {
            (First, PhaseStart.FirstMonth, "Limits recalculated"), (new Month(2024, 10), PhaseStart.RecordedChange, "New locality teams"),
        }));
        Assert.That(r.Phases.Select(p => p.PointCount), Is.EqualTo(new[] { 9, 11 }));
        Assert.That(SpcWords.Period(r), Is.EqualTo("Since October 2024, when the council recorded a change (New locality teams)"));
    }

    [Test]
    public void Too_few_months_after_a_recorded_change_are_drawn_without_limits_and_not_judged()
    {
        var change = new ChangeDate(new DateOnly(2025, 10, 1), "New front door", []);

        var r = Percent(Rates(Level(419, 24)), 90m, Polarity.HigherIsBetter, change);

        Assert.That(r.Phases, Has.Count.EqualTo(2));
        Assert.That(r.Phases[0].HasLimits, Is.True);
        Assert.That(r.Phases[1], Has.Property(nameof(SpcPhase.PointCount)).EqualTo(3).And.Property(nameof(SpcPhase.HasLimits)).False);
        Assert.That(r.Points.Skip(21).All(p => p.Upper is null && p.Lower is null && p.Signal is null), Is.True);
        Assert.That(r.Variation, Is.EqualTo(Variation.NotEnoughData));
        Assert.That(r.Assurance, Is.EqualTo(Assurance.NotEnoughData));
        Assert.That(r.Headline, Is.EqualTo("Too few months to judge yet"));
    }

    [Test]
    public void Changes_before_the_first_or_after_the_last_month_charted_start_no_phase()
    {
        ChangeDate[] changes =
        [
            new(new DateOnly(2020, 4, 1), "Old restructure", []), new(First.First, "On the first month", []), new(new DateOnly(2030, 1, 1), "Planned", []),
        ];

        var r = Percent(Rates(Level(700, 12)), 90m, Polarity.HigherIsBetter, changes);

        Assert.That(r.Phases, Has.Count.EqualTo(1));
        Assert.That(r.Phases[0].Reason, Is.EqualTo(PhaseStart.FirstMonth));
    }

    [Test]
    public void Two_changes_in_one_month_share_a_phase_and_its_label()
    {
        ChangeDate[] changes = [new(new DateOnly(2024, 6, 1), "New teams", []), new(new DateOnly(2024, 6, 20), "New recording system", [])];

        var r = Percent(Rates(Level(700, 14)), null, Polarity.HigherIsBetter, changes);

        Assert.That(r.Phases.Select(p => p.Label), Is.EqualTo(new[] { "Limits recalculated", "New teams; New recording system" }));
    }

    [Test]
    public void Special_causes_are_judged_against_their_own_phase_s_limits()
    {
        // Steady at 70% for 12 months, then a recorded change and steady at 40%: against one set of limits every later
        // month would fall below; in its own phase none does.
        var change = new ChangeDate(new DateOnly(2025, 1, 1), "New service structure", []);

        var r = Percent(Rates([.. Level(700, 12), .. Level(400, 12)]), null, Polarity.HigherIsBetter, change);

        Assert.That(r.Phases.Select(p => p.Reason), Is.EqualTo(new[] { PhaseStart.FirstMonth, PhaseStart.RecordedChange }));
        Assert.That(r.Points.All(p => p.Causes == SpecialCause.None), Is.True);
        Assert.That(r.Variation, Is.EqualTo(Variation.NoSignificantChange));
    }

    [Test]
    public void A_single_phase_reads_over_the_last_two_years()
    {
        var r = Percent(Rates(Level(419, 24)), 90m);

        Assert.That(SpcWords.Sentence(r), Is.EqualTo("Over the last two years: no real change; consistently below the target."));
    }

    [TestCase(Variation.NotEnoughData, "too few months to judge yet")]
    [TestCase(Variation.NoSignificantChange, "no real change")]
    [TestCase(Variation.Improving, "getting better")]
    [TestCase(Variation.Deteriorating, "getting worse")]
    [TestCase(Variation.HigherThanUsual, "higher than usual")]
    [TestCase(Variation.LowerThanUsual, "lower than usual")]
    public void Variation_words_are_plain(Variation variation, string words) =>
        Assert.That(SpcWords.Variation(variation), Is.EqualTo(words));

    [Test]
    public void No_verdict_word_is_a_technical_term()
    {
        var words = Enum.GetValues<Variation>().Select(SpcWords.Variation)
            .Concat(Enum.GetValues<Assurance>().SelectMany(a => new[] { SpcWords.Assurance(a, Polarity.HigherIsBetter), SpcWords.Assurance(a, Polarity.LowerIsBetter) }));

        Assert.That(words, Has.None.Match("(?i)special|common cause|process|reliabl|either way|significant|sigma|mean"));
    }
}

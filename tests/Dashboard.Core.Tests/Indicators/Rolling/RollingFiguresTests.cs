using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Rolling;

namespace Dashboard.Core.Tests.Indicators.Rolling;

public sealed class RollingFiguresTests
{
    private static readonly Month First = new(2025, 1);

    private static IndicatorDefinition Definition(string id) => IndicatorCatalogue.Get(id).Definition;

    [Test]
    public void Events_in_the_month_are_added_up_over_the_window()
    {
        // RISK-01 (assessments in time, events in the month): 3 of 4, 4 of 4, 1 of 4 over three months is 8 of 12.
        var months = new[]
        {
            new MonthCounts(new Month(2025, 9), 3, 4, null),
            new MonthCounts(new Month(2025, 10), 4, 4, null),
            new MonthCounts(new Month(2025, 11), 1, 4, null),
            new MonthCounts(new Month(2025, 12), 0, 4, null),
        };
        var rolled = RollingFigures.Combine(Definition("RISK-01"), FigureLength.ThreeMonths, new Month(2025, 11), First, months);

        Assert.That(rolled, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(rolled!.Value.Numerator, Is.EqualTo(8));
            Assert.That(rolled.Value.Denominator, Is.EqualTo(12));
            Assert.That(rolled.Value.Value, Is.EqualTo(100m * 8 / 12));
            Assert.That(rolled.Value.NotAvailable, Is.Null);
        });
    }

    [Test]
    public void Month_end_positions_are_pooled_as_the_size_weighted_average()
    {
        // WORKFORCE-02 (average caseload at the month's end): 40 children across 4 workers, then 60 across 4: 12.5.
        var months = new[] { new MonthCounts(new Month(2025, 10), 40, 4, null), new MonthCounts(new Month(2025, 11), 60, 4, null) };
        var rolled = RollingFigures.Combine(Definition("WORKFORCE-02"), FigureLength.ThreeMonths, new Month(2025, 12), First, months);

        Assert.That(rolled!.Value.Value, Is.EqualTo(12.5m), "December has no row: nothing was counted there, 0 of 0");
    }

    [Test]
    public void A_window_that_reaches_before_the_first_month_offered_has_no_figure()
    {
        var months = new[] { new MonthCounts(new Month(2025, 1), 1, 2, null), new MonthCounts(new Month(2025, 2), 1, 2, null) };
        Assert.Multiple(() =>
        {
            Assert.That(RollingFigures.Combine(Definition("RISK-01"), FigureLength.ThreeMonths, new Month(2025, 2), First, months), Is.Null);
            Assert.That(RollingFigures.Combine(Definition("RISK-01"), FigureLength.ThreeMonths, new Month(2025, 3), First, months), Is.Not.Null);
        });
    }

    [Test]
    public void A_month_not_available_in_the_window_makes_the_rolling_figure_not_available()
    {
        var months = new[]
        {
            new MonthCounts(new Month(2025, 9), 3, 4, null),
            new MonthCounts(new Month(2025, 10), 0, 0, "the extract has no visits table"),
            new MonthCounts(new Month(2025, 11), 1, 4, null),
        };
        var rolled = RollingFigures.Combine(Definition("SEEN-01"), FigureLength.ThreeMonths, new Month(2025, 11), First, months);

        Assert.Multiple(() =>
        {
            Assert.That(rolled!.Value.Value, Is.Null);
            Assert.That(rolled.Value.NotAvailable, Is.EqualTo("the extract has no visits table"));
        });
    }

    [Test]
    public void A_window_with_nothing_counted_has_no_value_rather_than_zero()
    {
        var rolled = RollingFigures.Combine(Definition("RISK-01"), FigureLength.ThreeMonths, new Month(2025, 11), First,
            [new MonthCounts(new Month(2025, 10), 0, 0, null)]);
        Assert.That(rolled!.Value.Value, Is.Null);
    }

    [TestCase("OVERSIGHT-02", "already covers the 12 months")]
    [TestCase("RISK-02", "not added up over months")]
    [TestCase("CARE-02", "only the latest status")]
    public void Measures_that_cannot_be_added_up_keep_their_own_period_and_say_why(string id, string why)
    {
        Assert.Multiple(() =>
        {
            Assert.That(RollingFigures.Rolls(Definition(id)), Is.False);
            Assert.That(RollingFigures.WhyNotRolled(Definition(id)), Does.Contain(why));
        });
    }

    [Test]
    public void Every_other_measure_rolls()
    {
        var rolling = IndicatorCatalogue.All.Select(i => i.Definition).Where(RollingFigures.Rolls).Select(d => d.Id).ToList();
        Assert.That(rolling, Has.Count.EqualTo(IndicatorCatalogue.All.Count - 5),
            "all but OVERSIGHT-02, RISK-02 and the three latest-status measures (CARE-02, CARE-03, PLANS-04)");
        Assert.That(rolling.Select(id => RollingFigures.WhyNotRolled(Definition(id))), Is.All.Null);
    }

    [TestCase("FRONT-01", 3, "Contacts in the 3 months")]
    [TestCase("PLANS-02", 12, "Open CP plans at the 12 month-ends")]
    [TestCase("PLANS-02", 1, "Open CP plans")]
    [TestCase("RISK-02", 3, "Open assessments")]
    public void The_counts_say_what_the_denominator_covers_over_the_window(string id, int months, string words) =>
        Assert.That(RollingFigures.DenominatorWords(Definition(id), FigureLength.Of(months)), Is.EqualTo(words));

    [Test]
    public void A_default_length_is_the_month_on_its_own() =>
        Assert.That(default(FigureLength), Is.EqualTo(FigureLength.OneMonth));
}

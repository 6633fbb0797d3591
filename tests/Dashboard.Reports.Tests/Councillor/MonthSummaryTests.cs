using Dashboard.Data.Indicators;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.App;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Tests.Councillor;

/// <summary>Page 1's lists: a measure is listed as worse only when its own figures got worse, and "what is being done"
/// says what was recorded or that nothing was, never the finding again.</summary>
public sealed class MonthSummaryTests
{
    private static readonly Month March = new(2026, 3);

    [Test]
    public void A_measure_whose_figure_is_better_than_a_year_ago_is_not_listed_as_worse_whatever_the_chart_signals()
    {
        // SEEN-01: higher is better. 92% now, 80% a year ago, 91% last month: better, though the chart signals a fall
        // against its long-run mean.
        var trend = Trend("SEEN-01", now: 92m, lastMonth: 91m, yearAgo: 80m, Variation.Deteriorating);
        var summary = MonthSummary.Of([trend], []);
        Assert.That(summary.Worse, Is.Empty);
    }

    [Test]
    public void A_measure_the_chart_and_its_figures_agree_got_worse_is_listed()
    {
        var trend = Trend("SEEN-01", now: 70m, lastMonth: 75m, yearAgo: 85m, Variation.Deteriorating);
        var summary = MonthSummary.Of([trend], []);
        Assert.That(summary.Worse.Select(w => w.Definition.Id), Is.EqualTo(new[] { "SEEN-01" }));
        Assert.That(summary.Worse[0].Reason, Is.EqualTo("A real decline on its chart, not just the usual ups and downs."));
    }

    [Test]
    public void A_measure_listed_for_its_move_over_the_year_alone_says_its_chart_sees_no_real_change()
    {
        // Page 1's boxes count the charts' verdicts ("0 measures improving on their chart"): a measure listed under
        // "What improved" for a clear move over the year must not read as if its chart said so.
        var trend = Trend("SEEN-01", now: 94m, lastMonth: 92m, yearAgo: 85m, Variation.NoSignificantChange);
        var summary = MonthSummary.Of([trend], []);
        Assert.That(summary.Improved.Single().Reason,
            Is.EqualTo("Clearly better than a year ago, though its chart still counts this within the usual ups and downs."));
    }

    [Test]
    public void Lower_is_better_measures_are_judged_by_their_own_direction()
    {
        // FRONT-03 re-referrals: lower is better, so a fall from 25% to 18% improved.
        var trend = Trend("FRONT-03", now: 18m, lastMonth: 20m, yearAgo: 25m, Variation.Improving);
        var summary = MonthSummary.Of([trend], []);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Improved.Select(w => w.Definition.Id), Is.EqualTo(new[] { "FRONT-03" }));
            Assert.That(summary.Worse, Is.Empty);
        });
    }

    [Test]
    public void What_is_being_done_is_the_recorded_action_or_says_none_is_recorded()
    {
        var trend = Trend("SEEN-01", now: 70m, lastMonth: 75m, yearAgo: 85m, Variation.Deteriorating);
        var letter = new DateOnly(2025, 11, 20);
        Finding Found(long id, string title, string? action) => new(id, letter, Theme.Seen, title,
            "Inspectors found visits were late. More detail follows.", ["SEEN-01"], "lead", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, action);
        var summary = MonthSummary.Of([trend],
            [Found(1, "Visits are late", "Managers check due visits weekly. Details are in the plan."), Found(2, "Children not seen alone", null)]);
        Assert.Multiple(() =>
        {
            Assert.That(summary.BeingDone.Select(f => f.Title), Is.EquivalentTo(new[] { "Visits are late", "Children not seen alone" }));
            Assert.That(summary.BeingDone.Single(f => f.Title == "Visits are late").Action, Is.EqualTo("Managers check due visits weekly."));
            Assert.That(summary.BeingDone.Single(f => f.Title == "Children not seen alone").Action, Is.Null);
            Assert.That(summary.BeingDone.Select(f => f.Action).OfType<string>(), Has.None.Contains("Inspectors found"), "the finding is not repeated as the action");
        });
    }

    private static IndicatorTrend Trend(string id, decimal now, decimal lastMonth, decimal yearAgo, Variation variation)
    {
        var definition = IndicatorCatalogue.Get(id).Definition;
        VisibleFigure Figure(decimal value) => new(value, $"{value}%", null, null, "", "", null, false);
        var series = new List<(Month, VisibleFigure)> { (March.AddMonths(-12), Figure(yearAgo)), (March.Previous(), Figure(lastMonth)), (March, Figure(now)) };
        var spc = Spc.Analyse([new SpcInput(March.AddMonths(-12), yearAgo), new SpcInput(March.Previous(), lastMonth), new SpcInput(March, now)],
            definition.Polarity, IndicatorUnit.Average) with { Variation = variation };
        return new IndicatorTrend(definition, March, Figure(now), series, spc, 90m, null, null);
    }
}

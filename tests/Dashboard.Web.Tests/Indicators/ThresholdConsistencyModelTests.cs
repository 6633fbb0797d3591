using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>The OVERSIGHT-02 panel's words from a model built by hand: who is counted, who is named and how.</summary>
public sealed class ThresholdConsistencyModelTests
{
    private static readonly Month March = Month.Parse("2026-03");

    /// <summary>Council NFA rate 20% (200 of 1,000). At n = 100 the 99.8% limits are 7.6% to 32.4%.</summary>
    private static ThresholdConsistency Model(bool hideC)
    {
        ThresholdUnit Unit(string id, int n, int d, bool shown = true) =>
            new(id, "Team " + id, FunnelPlot.Plot([new FunnelUnit(id, n, d)], 0.2m)[0], shown, shown ? n.ToString() : "c", shown ? d.ToString() : "c");
        var units = new List<ThresholdUnit> { Unit("A", 20, 100), Unit("B", 40, 100), Unit("C", 5, 100, shown: !hideC) };
        var nfa = new ThresholdMeasure("Referrals ending in no further action (NFA)", "NFA rate", "NFA rate", IndicatorCatalogue.Get("FRONT-04").Definition,
            200, 1000, "20.0%", units, [], null, null);
        var teams = units.Select(u => new ThresholdTeam(new TeamInfo(u.Id, u.Name, null, null), [u])).ToList();
        return new ThresholdConsistency(March.AddMonths(-11), March, [nfa], teams, ShowsWorkers: !hideC, 20);
    }

    [Test]
    public void The_headline_counts_teams_outside_the_limits_of_those_compared()
    {
        var model = Model(hideC: false);
        Assert.That(model.Headline, Does.StartWith("2 of 3 teams decide differently from the council"));
        Assert.That(model.Outside.Select(t => t.Team.TeamId), Is.EqualTo(new[] { "B", "C" }));
        Assert.That(model.UnnamedOutside, Is.Zero);
        Assert.That(model.PeriodText, Is.EqualTo("April 2025 to March 2026"));
    }

    [Test]
    public void Each_outlier_is_explained_with_rate_counts_direction_council_rate_and_limits()
    {
        var model = Model(hideC: false);
        Assert.That(model.Explain(model.Outside[0].Rates), Is.EqualTo("NFA rate 40.0% (40 of 100), higher than the council's 20.0% (99.8% limits 7.6% to 32.4%)"));
        Assert.That(model.Explain(model.Outside[1].Rates), Does.Contain("5.0% (5 of 100), lower than the council's 20.0%"));
        Assert.That(model.Explain(model.Teams[0].Rates), Is.EqualTo("NFA rate 20.0%, within the limits"));
    }

    [Test]
    public void The_figure_at_the_top_is_tied_to_the_teams_and_workers_below()
    {
        var model = Model(hideC: false);
        ThresholdUnit Worker(string id, int n) => new(id, "Worker " + id, FunnelPlot.Plot([new FunnelUnit(id, n, 100)], 0.2m)[0], true, n.ToString(), "100");
        var withWorkers = model with { Measures = [model.Measures[0] with { Workers = [Worker("W1", 20), Worker("W2", 45)] }] };

        Assert.Multiple(() =>
        {
            Assert.That(withWorkers.FigureSentence(3, 5),
                Is.EqualTo("The figure at the top, 3 of 5 rates outside the limits, is 2 of 3 team rates and 1 of 2 worker rates."));
            Assert.That(withWorkers.FigureSentence(4, 9), Is.EqualTo("Outside the limits over these 12 months: 2 of 3 team rates and 1 of 2 worker rates."),
                "counts that do not add up to the figure are not claimed to");
            Assert.That(Model(hideC: true).FigureSentence(null, null), Does.StartWith("The figure at the top counts every decision rate tested, teams' and individual workers': 2 of 3 team rates"));
        });
    }

    [Test]
    public void A_hidden_outlier_is_still_counted_but_not_named()
    {
        var model = Model(hideC: true);
        Assert.That(model.Headline, Does.StartWith("2 of 3 teams decide differently"), "never more reassuring than the exact picture");
        Assert.That(model.UnnamedOutside, Is.EqualTo(1));
        Assert.That(model.Outside.Where(t => t.IsNamed).Select(t => t.Team.TeamId), Is.EqualTo(new[] { "B" }));
        var hidden = model.Teams[2].Rates[0]!;
        Assert.That((hidden.RateText, hidden.LimitsText, hidden.PositionText), Is.EqualTo(("c", "c", "c")));
    }

    [Test]
    public void The_workers_line_counts_workers_outside_the_limits_in_plain_english()
    {
        var model = Model(hideC: false);
        ThresholdUnit Worker(string id, int n) => new(id, "Worker " + id, FunnelPlot.Plot([new FunnelUnit(id, n, 100)], 0.2m)[0], true, n.ToString(), "100");
        ThresholdConsistency With(params ThresholdUnit[] workers) => model with { Measures = [model.Measures[0] with { Workers = workers }] };
        Assert.That(model.WorkersHeadline, Is.EqualTo("No worker made 20 or more decisions of either kind in these 12 months."));
        Assert.That(With(Worker("W1", 20)).WorkersHeadline, Is.EqualTo("The one worker with 20 or more decisions of a kind decides in line with the council."));
        Assert.That(With(Worker("W1", 20), Worker("W2", 45)).WorkersHeadline, Is.EqualTo("1 of 2 workers with 20 or more decisions of a kind decide differently from the council:"));
    }

    [Test]
    public void With_no_team_outside_the_headline_says_they_decide_in_line()
    {
        var none = Model(hideC: false) with { Teams = [] };
        Assert.That(none.Headline, Does.StartWith("No team made enough decisions"));
        var model = Model(hideC: false);
        var inLine = model with { Teams = [model.Teams[0]] };
        Assert.That(inLine.Headline, Does.StartWith("The one team compared decides in line with the council"));
        var twoInLine = model with { Teams = [model.Teams[0], model.Teams[0] with { Team = new TeamInfo("D", "Team D", null, null) }] };
        Assert.That(twoInLine.Headline, Does.StartWith("All 2 teams decide in line with the council"));
    }
}

using Dashboard.Data.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Tests.Overview;

/// <summary>The summary's counts, movers and concerns from hand-made tiles, so each rule is checked on its own.</summary>
public sealed class OverviewSummaryModelTests
{
    private static readonly Verdict AnyVerdict = new("No real change", "may or may not meet the target", "common", "–", "No real change; may or may not meet the target", "Over the last two years: no real change; may or may not meet the target.");

    [Test]
    public void Counts_add_up_to_the_tiles_and_follow_their_ratings()
    {
        var tiles = new[]
        {
            Tile("SEEN-01", 70m, 90m, previous: 72m), // red: 20 points short, 22% of the target
            Tile("SEEN-03", 85m, 90m), // amber
            Tile("PLANS-01", 95m, 90m), // green
            Tile("FRONT-01", 40m, null), // a context measure: not rated
        };
        var summary = OverviewSummaryModel.Of(tiles);
        Assert.That((summary.Red, summary.Amber, summary.Green, summary.NotRated), Is.EqualTo((1, 1, 1, 1)));
        Assert.That(summary.Rated + summary.NotRated, Is.EqualTo(tiles.Length));
    }

    [Test]
    public void Concerns_are_red_measures_furthest_from_target_first_then_amber_to_make_three()
    {
        var summary = OverviewSummaryModel.Of(
        [
            Tile("SEEN-01", 80m, 90m), // red, 11% short
            Tile("SEEN-03", 50m, 90m), // red, 44% short
            Tile("PLANS-01", 85m, 90m), // amber
            Tile("PLANS-03", 99m, 90m), // green: never a concern
        ]);
        Assert.That(summary.Concerns.Select(c => c.Definition.Id), Is.EqualTo(new[] { "SEEN-03", "SEEN-01", "PLANS-01" }));
        Assert.That(summary.Concerns[0].Sentence, Is.EqualTo(
            $"50.0% against a target of at least 90.0%: 40.0 percentage points short of it ({Figure(50m).CountsInWords(IndicatorCatalogue.Get("SEEN-03").Definition)})."));
    }

    [Test]
    public void At_most_five_concerns_however_many_are_red()
    {
        var ids = new[] { "SEEN-01", "SEEN-02", "SEEN-03", "SEEN-04", "PLANS-01", "PLANS-02", "PLANS-03" };
        var summary = OverviewSummaryModel.Of([.. ids.Select(id => Tile(id, 10m, 90m))]);
        Assert.That(summary.Red, Is.EqualTo(7));
        Assert.That(summary.Concerns, Has.Count.EqualTo(OverviewSummaryModel.MaxConcerns));
    }

    [Test]
    public void A_lower_is_better_concern_says_how_far_over_the_target_it_is()
    {
        var summary = OverviewSummaryModel.Of([Tile("FRONT-03", 31m, 20m)]);
        Assert.That(summary.Concerns.Single().Sentence, Does.StartWith("31.0% against a target of at most 20.0%: 11.0 percentage points over it"));
    }

    [Test]
    public void Movers_are_moves_that_matter_largest_first_in_the_words_of_FigureChange()
    {
        var summary = OverviewSummaryModel.Of(
        [
            Tile("SEEN-01", 80m, 90m, previous: 70m), // up 10 points: better
            Tile("SEEN-03", 60m, 90m, previous: 66m), // down 6 points: worse
            Tile("PLANS-01", 91m, 90m, previous: 88m), // 3 points: does not matter
            Tile("FRONT-01", 40m, null, previous: 20m), // context measure: neither better nor worse
        ]);
        Assert.That(summary.Movers.Select(m => (m.Definition.Id, m.Change, m.Direction)), Is.EqualTo(new[]
        {
            ("SEEN-01", FigureChange.Of(70m, 80m, IndicatorUnit.Percent, Polarity.HigherIsBetter).Text, ChangeDirection.Better),
            ("SEEN-03", "down 6.0 percentage points", ChangeDirection.Worse),
        }));
        Assert.That(summary.Movers[0].From, Is.EqualTo("70.0%"));
        Assert.That(summary.Movers[0].To, Is.EqualTo("80.0%"));
    }

    [Test]
    public void A_count_moves_enough_at_a_tenth_of_last_month()
    {
        var small = OverviewSummaryModel.Of([Tile("RISK-02", 21m, 0m, previous: 20m)]);
        var large = OverviewSummaryModel.Of([Tile("RISK-02", 25m, 0m, previous: 20m)]);
        Assert.That(small.Movers, Is.Empty);
        Assert.That(large.Movers.Single().Direction, Is.EqualTo(ChangeDirection.Worse));
    }

    [Test]
    public void A_move_over_fewer_than_ten_cases_is_not_a_mover()
    {
        var definition = IndicatorCatalogue.Get("PLANS-01").Definition;
        var tile = new OverviewTile(definition, Small(2, 5), 95m, Rag.Red, AnyVerdict, null) { Previous = Small(5, 5) };
        Assert.That(OverviewSummaryModel.Of([tile]).Movers, Is.Empty, "100% to 40% over five conferences");
        var larger = tile with { Figure = Small(20, 50), Previous = Small(50, 50) };
        Assert.That(OverviewSummaryModel.Of([larger]).Movers, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_concern_against_a_target_of_none_says_so()
    {
        var definition = IndicatorCatalogue.Get("RISK-02").Definition;
        var figure = new VisibleFigure(62m, "62", 62, 284, "62", "284", null, false);
        var tile = new OverviewTile(definition, figure, 0m, Rag.Red, AnyVerdict, null);
        Assert.That(OverviewSummaryModel.Of([tile]).Concerns.Single().Sentence,
            Is.EqualTo($"62 against a target of none ({figure.CountsInWords(definition)})."));
    }

    [Test]
    public void Hidden_or_missing_figures_are_neither_rated_movers_nor_concerns()
    {
        var summary = OverviewSummaryModel.Of([Tile("SEEN-01", null, 90m, previous: 50m)]);
        Assert.That((summary.Red, summary.NotRated, summary.Movers.Count, summary.Concerns.Count), Is.EqualTo((0, 1, 0, 0)));
        Assert.That(summary.Hidden, Is.EqualTo(1), "a c is said to be hidden, not just unrated");
    }

    private static OverviewTile Tile(string id, decimal? value, decimal? target, decimal? previous = null)
    {
        var definition = IndicatorCatalogue.Get(id).Definition;
        var figure = value is null ? new VisibleFigure(null, "c", null, null, "c", "c", null, true) : Figure(value.Value);
        return new OverviewTile(definition, figure, target, RagRating.Of(figure.Value, target, definition.Polarity), AnyVerdict, null)
        {
            Previous = previous is { } p ? Figure(p) : VisibleFigure.Missing,
        };
    }

    private static VisibleFigure Small(int met, int of) =>
        new(100m * met / of, IndicatorValue.Format(IndicatorUnit.Percent, 100m * met / of), met, of, $"{met}", $"{of}", null, false);

    private static VisibleFigure Figure(decimal value) =>
        new(value, IndicatorValue.Format(IndicatorUnit.Percent, value), (int)value, 100, ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture), "100", null, false);
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;

namespace Dashboard.Web.Tests.Indicators;

public sealed class FigureHelperTests
{
    private static StoredIndicator Row(int numerator, int denominator, string period = "2026-03", string scope = "T1") =>
        new("SEEN-01", null, period, new DateOnly(2026, 3, 31), "team", scope, scope, numerator, denominator,
            denominator == 0 ? null : 100m * numerator / denominator, null);

    private static TeamInfo Team(string id) => new(id, "Team " + id, "SA01", "Area");

    [Test]
    public void An_exact_figure_shows_every_count()
    {
        var f = VisibleFigure.Of(Row(3, 40), IndicatorUnit.Percent, rule: null);
        Assert.That((f.ValueText, f.NumeratorText, f.DenominatorText, f.Numerator), Is.EqualTo(("7.5%", "3", "40", (int?)3)));
    }

    [Test]
    public void A_councillors_figure_hides_a_small_count_the_count_that_gives_it_away_and_the_rate()
    {
        var f = VisibleFigure.Of(Row(38, 40), IndicatorUnit.Percent, SuppressionRule.Default);
        Assert.That((f.ValueText, f.NumeratorText, f.DenominatorText, f.Value, f.Numerator), Is.EqualTo(("c", "c", "40", (decimal?)null, (int?)null)));
    }

    [Test]
    public void No_row_is_no_figure_and_a_not_available_row_keeps_its_reason()
    {
        Assert.That(VisibleFigure.Of(null, IndicatorUnit.Percent, null).IsMissing, Is.True);
        var na = VisibleFigure.Of(Row(0, 0) with { NotAvailable = "Not available: no source." }, IndicatorUnit.Percent, SuppressionRule.Default);
        Assert.That((na.IsAvailable, na.NotAvailable, na.ValueText), Is.EqualTo((false, "Not available: no source.", "x")));
    }

    [Test]
    public void Counts_read_as_words_from_the_definition()
    {
        var definition = IndicatorCatalogue.Get("SEEN-01").Definition;
        Assert.That(VisibleFigure.Of(Row(96, 110), IndicatorUnit.Percent, null).CountsInWords(definition),
            Is.EqualTo("96 of 110 " + char.ToLowerInvariant(definition.Denominator[0]) + definition.Denominator[1..]));
    }

    [Test]
    public void Teams_are_suppressed_as_one_table_so_no_small_count_survives_in_any_cell()
    {
        var teams = new[] { (Team("A"), (StoredIndicator?)Row(30, 32, scope: "A")), (Team("B"), Row(20, 40, scope: "B")), (Team("C"), Row(12, 19, scope: "C")) };
        var result = TeamBreakdown.Of(teams, IndicatorUnit.Percent, SuppressionRule.Default);
        var cells = result.SelectMany(t => new[] { t.MetText, t.NotMetText, t.TotalText }).ToList();
        Assert.That(cells.Where(c => int.TryParse(c, out var n) && n is >= 1 and <= 5), Is.Empty);
        Assert.That(result[0].ValueText, Is.EqualTo("c"), "team A's 2 not met is hidden, so is its rate");
        Assert.That(cells.Count(c => c == "c"), Is.GreaterThanOrEqualTo(2), "a second cell protects the first");
    }

    [Test]
    public void Without_a_rule_teams_show_exact_counts()
    {
        var result = TeamBreakdown.Of([(Team("A"), Row(30, 32, scope: "A"))], IndicatorUnit.Percent, null);
        Assert.That((result[0].MetText, result[0].NotMetText, result[0].TotalText, result[0].ValueText), Is.EqualTo(("30", "2", "32", "93.8%")));
    }

    [Test]
    public void A_month_still_running_at_the_extract_is_named_as_the_month_so_far_and_left_out_of_spc()
    {
        var months = ReportingMonths.From([
            new StoredMonth(new Month(2026, 9), new DateOnly(2026, 9, 30), 400),
            new StoredMonth(new Month(2026, 10), new DateOnly(2026, 10, 31), 400),
            new StoredMonth(new Month(2026, 11), new DateOnly(2026, 11, 23), 300)])!;
        var running = new PeriodChoice(new Month(2026, 11), months);
        var series = new List<(Month, VisibleFigure)> { (new Month(2026, 10), VisibleFigure.Missing), (new Month(2026, 11), VisibleFigure.Missing) };

        Assert.That(running.IsRunning, Is.True);
        Assert.That(running.Covers, Is.EqualTo("month so far, to 23 November 2026"));
        Assert.That(IndicatorFigures.CompleteMonths(series, running).Select(s => s.Item1), Is.EqualTo(new[] { new Month(2026, 10) }));
        Assert.That(new PeriodChoice(new Month(2026, 10), months).Covers, Is.EqualTo("October 2026"));
        Assert.That(new PeriodChoice(new Month(2026, 10), months).From, Is.EqualTo(new Month(2026, 9)), "the chart never starts before the first month offered");
    }
}

using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Themes;

namespace Dashboard.Web.Tests.Themes;

/// <summary>The Themes page rates a councillor's figure as it rates the director's: a hidden denominator does not turn
/// "too few to rate" into a colour.</summary>
public sealed class EvidenceRatingTests
{
    // RISK-02 style: a count of 8 overdue assessments among 3 open ones recorded against the scope (the count is not a
    // share of its denominator, so only the count itself can be small, and the denominator is not shown to councillors).
    private static readonly StoredIndicator Row = new("RISK-02", "", "2026-02", new DateOnly(2026, 2, 28), "council", "council", "Testshire",
        8, 3, 8m, null);

    [Test]
    public void A_councillor_and_a_director_are_never_given_different_colours_for_a_count_over_too_few_cases()
    {
        var rating = new EvidenceRating(RunningMonth: false, MinimumDenominator: 10);
        var director = EvidenceCalculator.Figure(Row, IndicatorUnit.Count, null);
        var councillor = EvidenceCalculator.Figure(Row, IndicatorUnit.Count, SuppressionRule.Default);

        Assert.That(councillor.Denominator, Is.Null, "the councillor is not shown the denominator");
        Assert.That(rating.Of(director, 10m, Polarity.LowerIsBetter), Is.EqualTo(Rag.TooFewToRate));
        Assert.That(rating.Of(councillor, 10m, Polarity.LowerIsBetter), Is.Null.Or.EqualTo(Rag.TooFewToRate), "never a colour");
    }

    [Test]
    public void A_councillor_sees_on_the_themes_page_what_the_indicator_page_and_the_packs_show()
    {
        foreach (var row in new[] { Row, Row with { Numerator = 4, Denominator = 30, Value = 4m }, Row with { Numerator = 40, Denominator = 300, Value = 40m } })
        {
            var themes = EvidenceCalculator.Figure(row, IndicatorUnit.Count, SuppressionRule.Default);
            var pages = VisibleFigure.Of(row, IndicatorUnit.Count, SuppressionRule.Default);
            Assert.That((themes.Value, themes.Text), Is.EqualTo((pages.Value, pages.ValueText)), $"{row.Numerator} of {row.Denominator}");
        }
    }
}

using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;

namespace Dashboard.Core.Tests.Suppression;

public class FigureSuppressionTests
{
    [Test]
    public void Thirty_eight_of_forty_hides_the_2_not_met_the_38_met_and_the_percentage_but_shows_the_40()
    {
        var f = FigureSuppression.Apply(38, 40, IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(f.NotMet.Status, Is.EqualTo(CellStatus.Primary));
        Assert.That(f.Numerator.Status, Is.EqualTo(CellStatus.Secondary), "else 40 - 38 gives the 2 back");
        Assert.That(f.Denominator.Text, Is.EqualTo("40"));
        Assert.That(f.Value, Is.Null);
        Assert.That(f.ValueText, Is.EqualTo("c"));
        Assert.That(f.IsHidden, Is.True);
    }

    [Test]
    public void A_percentage_from_counts_above_the_threshold_is_shown_to_one_decimal()
    {
        var f = FigureSuppression.Apply(33, 40, IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(f.Value, Is.EqualTo(82.5m));
        Assert.That(f.ValueText, Is.EqualTo("82.5%"));
        Assert.That((f.Numerator.Text, f.NotMet.Text, f.Denominator.Text), Is.EqualTo(("33", "7", "40")));
    }

    [Test]
    public void A_percentage_with_a_small_denominator_is_hidden_even_when_none_met()
    {
        var f = FigureSuppression.Apply(0, 4, IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(f.Numerator.Text, Is.EqualTo("0"));
        Assert.That(f.Denominator.Text, Is.EqualTo("c"));
        Assert.That(f.ValueText, Is.EqualTo("c"));
    }

    [Test]
    public void No_cases_is_not_applicable()
    {
        var f = FigureSuppression.Apply(0, 0, IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(f.Value, Is.Null);
        Assert.That(f.ValueStatus, Is.EqualTo(CellStatus.NotApplicable));
        Assert.That(f.ValueText, Is.EqualTo("z"));
        Assert.That(f.Denominator.Text, Is.EqualTo("0"));
    }

    [Test]
    public void A_percentage_above_zero_that_rounds_to_zero_is_k()
    {
        var f = FigureSuppression.Apply(6, 20_000, IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(f.Value, Is.EqualTo(0.03m));
        Assert.That(f.ValueText, Is.EqualTo("k"));
        Assert.That(f.Denominator.Text, Is.EqualTo("20,000"));
    }

    [Test]
    public void A_caller_may_format_the_value()
    {
        var f = FigureSuppression.Apply(33, 40, IndicatorUnit.Percent, SuppressionRule.Default, v => $"{v:0} per cent");

        Assert.That(f.ValueText, Is.EqualTo("83 per cent"));
    }

    [TestCase(3, 50, "c", CellStatus.Primary)]
    [TestCase(0, 50, "0", CellStatus.Shown)]
    [TestCase(1234, 2000, "1,234", CellStatus.Shown)]
    public void A_count_is_its_numerator_hidden_when_small(int numerator, int denominator, string text, CellStatus status)
    {
        var f = FigureSuppression.Apply(numerator, denominator, IndicatorUnit.Count, SuppressionRule.Default);

        Assert.That(f.ValueText, Is.EqualTo(text));
        Assert.That(f.ValueStatus, Is.EqualTo(status));
        Assert.That(f.Value, Is.EqualTo(f.Numerator.Value));
    }

    [Test]
    public void A_count_close_to_its_denominator_is_hidden_to_protect_the_few_left()
    {
        var f = FigureSuppression.Apply(47, 50, IndicatorUnit.Count, SuppressionRule.Default);

        Assert.That(f.ValueText, Is.EqualTo("c"));
        Assert.That(f.ValueStatus, Is.EqualTo(CellStatus.Secondary));
    }

    [Test]
    public void An_average_is_shown_to_one_decimal_with_not_met_not_applicable()
    {
        var f = FigureSuppression.Apply(183, 10, IndicatorUnit.Average, SuppressionRule.Default);

        Assert.That(f.ValueText, Is.EqualTo("18.3"));
        Assert.That(f.NotMet.Text, Is.EqualTo("z"));
    }

    [TestCase(40, 3)]
    [TestCase(4, 30)]
    public void An_average_is_hidden_when_its_numerator_or_denominator_is_small(int numerator, int denominator)
    {
        var f = FigureSuppression.Apply(numerator, denominator, IndicatorUnit.Average, SuppressionRule.Default);

        Assert.That(f.ValueText, Is.EqualTo("c"));
        Assert.That(f.Value, Is.Null);
    }

    [Test]
    public void An_average_over_nothing_is_not_applicable()
    {
        Assert.That(FigureSuppression.Apply(12, 0, IndicatorUnit.Average, SuppressionRule.Default).ValueText, Is.EqualTo("z"));
    }

    [Test]
    public void More_met_than_cases_is_refused_for_a_percentage()
    {
        Assert.That(() => FigureSuppression.Apply(41, 40, IndicatorUnit.Percent, SuppressionRule.Default), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_series_is_suppressed_month_by_month_in_order()
    {
        var figures = SeriesSuppression.Apply(
            [new SeriesPoint("Apr 2026", 33, 40), new SeriesPoint("May 2026", 38, 40), new SeriesPoint("Jun 2026", 0, 0)],
            IndicatorUnit.Percent, SuppressionRule.Default);

        Assert.That(figures.Select(f => f.ValueText), Is.EqualTo(new[] { "82.5%", "c", "z" }));
    }
}

using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Tests.Indicators.Statistics;

public class RagRatingTests
{
    [TestCase(90, Rag.Green, TestName = "On the target is met")]
    [TestCase(95, Rag.Green)]
    [TestCase(81, Rag.Amber, TestName = "Within 10% of a target of 90 is amber")]
    [TestCase(80.9, Rag.Red)]
    public void Higher_is_better(decimal value, Rag expected) =>
        Assert.That(RagRating.Of(value, 90, Polarity.HigherIsBetter), Is.EqualTo(expected));

    [TestCase(7, Rag.Green)]
    [TestCase(7.7, Rag.Amber)]
    [TestCase(7.71, Rag.Red)]
    public void Lower_is_better(decimal value, Rag expected) =>
        Assert.That(RagRating.Of(value, 7, Polarity.LowerIsBetter), Is.EqualTo(expected));

    [Test]
    public void No_value_no_target_or_a_context_measure_has_no_colour()
    {
        Assert.That(RagRating.Of(null, 90, Polarity.HigherIsBetter), Is.Null, "zero denominator");
        Assert.That(RagRating.Of(50, null, Polarity.HigherIsBetter), Is.Null, "no target");
        Assert.That(RagRating.Of(50, 40, Polarity.Neither), Is.Null, "context measure");
        Assert.That(RagRating.Word(Rag.Amber), Is.EqualTo("amber"));
    }

    [TestCase(9, Rag.TooFewToRate, TestName = "Below the minimum denominator is too few to rate, even when missing the target")]
    [TestCase(10, Rag.Red, TestName = "At the minimum denominator the figure is rated")]
    public void A_figure_counting_too_few_cases_is_not_rated(int denominator, Rag expected) =>
        Assert.That(RagRating.Of(50, 90, Polarity.HigherIsBetter, denominator, minimumDenominator: 10), Is.EqualTo(expected));

    [Test]
    public void Too_few_to_rate_never_hides_that_there_is_nothing_to_rate()
    {
        Assert.That(RagRating.Of(100, 90, Polarity.HigherIsBetter, 2, 10), Is.EqualTo(Rag.TooFewToRate), "100% (2 of 2) is not green");
        Assert.That(RagRating.Of(null, 90, Polarity.HigherIsBetter, 0, 10), Is.Null, "no value");
        Assert.That(RagRating.Of(50, 40, Polarity.Neither, 3, 10), Is.Null, "context measure");
        Assert.That(RagRating.Of(4, 2, Polarity.LowerIsBetter, null, 10), Is.EqualTo(Rag.Red), "a plain count has no denominator to be too small");
        Assert.That(RagRating.Word(Rag.TooFewToRate), Is.EqualTo("too few to rate"));
        Assert.That(RagRating.Key(Rag.TooFewToRate), Is.EqualTo("too-few"));
    }
}

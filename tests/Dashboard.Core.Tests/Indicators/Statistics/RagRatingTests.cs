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
}

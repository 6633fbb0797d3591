using Dashboard.Core.Glossary;

namespace Dashboard.Core.Tests.Glossary;

public class StatisticsTermsTests
{
    [TestCase("Mean (average line)")]
    [TestCase("Control limits")]
    [TestCase("Phase (limits recalculated)")]
    [TestCase("Special cause variation")]
    [TestCase("Common cause variation")]
    [TestCase("Run of 7")]
    [TestCase("Trend of 6")]
    [TestCase("Two of three beyond two sigma")]
    [TestCase("Assurance")]
    [TestCase("p-chart")]
    [TestCase("Funnel plot")]
    [TestCase("95% and 99.8% limits")]
    public void The_glossary_explains_each_term_behind_the_verdicts(string term)
    {
        var entry = Dashboard.Core.Glossary.Glossary.Find(term);

        Assert.That(entry, Is.Not.Null);
        Assert.That(StatisticsTerms.Entries, Does.Contain(entry));
        Assert.That(entry!.Meaning, Does.EndWith("."));
    }

    [Test]
    public void Each_term_is_listed_once() =>
        Assert.That(StatisticsTerms.Entries.Select(e => e.Term.ToLowerInvariant()), Is.Unique);
}

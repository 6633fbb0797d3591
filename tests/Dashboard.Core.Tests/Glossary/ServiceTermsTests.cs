using Dashboard.Core.Glossary;

namespace Dashboard.Core.Tests.Glossary;

public sealed class ServiceTermsTests
{
    [Test]
    public void Each_service_term_is_listed_once_with_a_meaning_in_sentences()
    {
        var terms = ServiceTerms.Entries.Select(e => e.Term).ToList();
        Assert.That(terms, Is.Unique);
        foreach (var entry in ServiceTerms.Entries)
        {
            Assert.That(entry.Meaning, Does.EndWith("."), entry.Term);
            Assert.That(entry.Meaning, Has.Length.GreaterThan(20), entry.Term);
        }
    }

    [TestCase("ICPC", "initial child protection conference")]
    [TestCase("s47", "section 47 enquiry")]
    [TestCase("CIN", "child in need")]
    [TestCase("CLA", "child looked after")]
    [TestCase("CP", "child protection")]
    [TestCase("IRO", "independent reviewing officer")]
    [TestCase("NFA", "no further action")]
    [TestCase("RCPC", "review child protection conference")]
    [TestCase("UASC", "unaccompanied asylum-seeking child")]
    public void The_abbreviations_the_pages_use_are_expanded(string term, string expansion)
    {
        Assert.That(Dashboard.Core.Glossary.Glossary.Find(term)?.Expansion, Is.EqualTo(expansion));
    }

    [Test]
    public void The_participation_codes_explain_each_code()
    {
        var entry = Dashboard.Core.Glossary.Glossary.Find("PN0-PN7");
        Assert.That(entry, Is.Not.Null);
        for (var code = 0; code <= 7; code++) Assert.That(entry!.Meaning, Does.Contain($"PN{code} "));
    }
}

using Dashboard.Reports.Excel;

namespace Dashboard.Reports.Tests.Excel;

public sealed class SafeTextTests
{
    [TestCase("=HYPERLINK(\"http://example.com\",\"x\")")]
    [TestCase("+44 1720 422 537")]
    [TestCase("-1")]
    [TestCase("@SUM(A1)")]
    [TestCase("\tcmd")]
    [TestCase("\rcmd")]
    public void Text_a_spreadsheet_would_act_on_gets_the_neutralising_prefix(string text)
    {
        Assert.That(SafeText.Neutralise(text), Is.EqualTo("'" + text));
    }

    [TestCase("Jane Smith")]
    [TestCase("")]
    [TestCase("a=b")]
    [TestCase(" =leading space is not read as a formula")]
    [TestCase("'already quoted")]
    public void Ordinary_text_is_unchanged(string text)
    {
        Assert.That(SafeText.Neutralise(text), Is.EqualTo(text));
    }

    [Test]
    public void Characters_XML_cannot_carry_are_dropped_and_the_rest_kept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SafeText.StripUnwritable("Jo\u0001e\u000B Bloggs\tx"), Is.EqualTo("Joe Bloggs\tx"));
            Assert.That(SafeText.StripUnwritable("Zoë 😀"), Is.EqualTo("Zoë 😀"));
            Assert.That(SafeText.StripUnwritable("lone \uD800 surrogate"), Is.EqualTo("lone  surrogate"));
        });
    }
}

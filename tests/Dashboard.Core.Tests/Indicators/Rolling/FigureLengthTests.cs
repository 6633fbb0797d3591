using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Rolling;

namespace Dashboard.Core.Tests.Indicators.Rolling;

public sealed class FigureLengthTests
{
    [TestCase("1", 1)]
    [TestCase("3", 3)]
    [TestCase(" 12 ", 12)]
    public void A_length_a_reader_writes_is_read(string text, int months) =>
        Assert.That(FigureLength.Parse(text, FigureLength.OneMonth).Months, Is.EqualTo(months));

    [TestCase(null)]
    [TestCase("")]
    public void No_length_is_the_fallback(string? text) =>
        Assert.That(FigureLength.Parse(text, FigureLength.TwelveMonths), Is.EqualTo(FigureLength.TwelveMonths));

    [TestCase("2")]
    [TestCase("6")]
    [TestCase("three")]
    [TestCase("-3")]
    [TestCase("3.0")]
    public void Any_other_length_is_refused_naming_the_choices(string text)
    {
        var e = Assert.Throws<LengthNotOfferedException>(() => FigureLength.Parse(text, FigureLength.OneMonth));
        Assert.That(e!.Message, Does.Contain("1, 3 or 12"));
    }

    [Test]
    public void Each_figure_says_which_period_it_covers()
    {
        var november = new Month(2026, 11);
        Assert.Multiple(() =>
        {
            Assert.That(FigureLength.OneMonth.Covers(november), Is.EqualTo("November 2026"));
            Assert.That(FigureLength.ThreeMonths.Covers(november), Is.EqualTo("3 months to November 2026"));
            Assert.That(FigureLength.TwelveMonths.Covers(november), Is.EqualTo("12 months to November 2026"));
        });
    }

    [Test]
    public void A_window_starts_its_length_less_one_months_back_across_a_year_end()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FigureLength.ThreeMonths.WindowStart(new Month(2026, 1)), Is.EqualTo(new Month(2025, 11)));
            Assert.That(FigureLength.TwelveMonths.WindowStart(new Month(2026, 11)), Is.EqualTo(new Month(2025, 12)));
            Assert.That(FigureLength.OneMonth.WindowStart(new Month(2026, 11)), Is.EqualTo(new Month(2026, 11)));
        });
    }
}

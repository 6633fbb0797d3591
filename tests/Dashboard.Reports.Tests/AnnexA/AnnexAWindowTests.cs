using Dashboard.Reports.AnnexA;

namespace Dashboard.Reports.Tests.AnnexA;

public sealed class AnnexAWindowTests
{
    [Test]
    public void The_lookback_is_six_whole_months_ending_on_the_reference_date()
    {
        var window = new AnnexAWindow(new DateOnly(2026, 3, 31));
        Assert.Multiple(() =>
        {
            Assert.That(window.From, Is.EqualTo(new DateOnly(2025, 10, 1)));
            Assert.That(window.YearFrom, Is.EqualTo(new DateOnly(2025, 4, 1)));
        });
    }

    [TestCase("2010-03-31", 16, Description = "birthday on the reference date")]
    [TestCase("2010-04-01", 15, Description = "birthday the day after")]
    [TestCase("2026-04-01", null, Description = "unborn")]
    public void Age_is_whole_years_on_the_reference_date(string birth, int? age)
    {
        var window = new AnnexAWindow(new DateOnly(2026, 3, 31));
        Assert.That(window.AgeInYears(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(age));
    }

    [Test]
    public void A_date_after_the_reference_date_is_not_shown()
    {
        var window = new AnnexAWindow(new DateOnly(2026, 3, 31));
        Assert.Multiple(() =>
        {
            Assert.That(window.DateByReference(20260331), Is.EqualTo(new DateOnly(2026, 3, 31)));
            Assert.That(window.DateByReference(20260401), Is.Null);
            Assert.That(AnnexAWindow.Date(0), Is.Null);
        });
    }
}

using Dashboard.Web.Components.Pages.Children;
using Dashboard.Web.Services.Children;

namespace Dashboard.Web.Tests.Children;

public sealed class ChildTimelineUnitTests
{
    [TestCase("/indicators/CP-01?period=2026-03", ExpectedResult = "/indicators/CP-01?period=2026-03")]
    [TestCase("/", ExpectedResult = "/")]
    [TestCase("https://evil.example/", ExpectedResult = null)]
    [TestCase("//evil.example/", ExpectedResult = null)]
    [TestCase("/\\evil.example/", ExpectedResult = null)]
    [TestCase("javascript:alert(1)", ExpectedResult = null)]
    [TestCase("indicators/CP-01", ExpectedResult = null)]
    [TestCase("/a\r\nLocation: x", ExpectedResult = null)]
    [TestCase("", ExpectedResult = null)]
    [TestCase(null, ExpectedResult = null)]
    public string? Only_a_path_on_this_site_is_accepted_as_the_way_back(string? from) => LocalReturnPath.Accept(from);

    [TestCase("2016-05-20", "2026-03-31", ExpectedResult = "9 years")]
    [TestCase("2016-03-31", "2026-03-31", ExpectedResult = "10 years")]
    [TestCase("2025-08-15", "2026-03-31", ExpectedResult = "7 months")]
    [TestCase("2026-03-01", "2026-03-31", ExpectedResult = "0 months")]
    [TestCase("2026-02-28", "2026-03-31", ExpectedResult = "1 month")]
    [TestCase("2024-04-01", "2026-03-31", ExpectedResult = "23 months")]
    public string A_child_s_age_is_in_years_or_for_a_baby_months(string born, string at) =>
        ChildDetails.Age(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

    [TestCase(12, "working days", ExpectedResult = "12 working days overdue")]
    [TestCase(1, "working days", ExpectedResult = "1 working day overdue")]
    [TestCase(3, null, ExpectedResult = "3 days overdue")]
    public string How_late_reads_in_words(int days, string? unit) => OverdueList.Late(days, unit);

    [Test]
    public void Events_after_the_extract_are_coming_up_and_a_missed_review_stays_in_the_history()
    {
        var asAt = new DateOnly(2026, 3, 31);
        var missed = new Data.Children.ChildEvent(new DateOnly(2026, 3, 2), "CP review", "Child protection review due, not held", null, null, null, "R1");
        var onTheDay = new Data.Children.ChildEvent(asAt, "CP visit", "Child protection visit: seen", null, null, null, "V1");
        var future = new Data.Children.ChildEvent(new DateOnly(2027, 1, 23), "CP review", "Child protection review due, not held", null, null, null, "R2");

        var (history, comingUp) = ComingUp.Split([missed, onTheDay, future], asAt);

        Assert.That(history, Is.EqualTo(new[] { missed, onTheDay }));
        Assert.That(comingUp, Is.EqualTo(new[] { future }));
        Assert.That(ComingUp.Describe(future), Is.EqualTo("Child protection review due"));
    }
}

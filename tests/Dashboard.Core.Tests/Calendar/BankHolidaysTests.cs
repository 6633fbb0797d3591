using Dashboard.Core.Calendar;

namespace Dashboard.Core.Tests.Calendar;

public class BankHolidaysTests
{
    /// <summary>England and Wales bank holidays as published on GOV.UK for 2018 to 2027.</summary>
    private static readonly Dictionary<int, string[]> Published = new()
    {
        [2018] = ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"],
        [2019] = ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"],
        [2020] = ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
        [2021] = ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
        [2022] = ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"],
        [2023] = ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"],
        [2024] = ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
        [2025] = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
    };

    [TestCaseSource(nameof(Years))]
    public void Computed_holidays_match_the_published_list(int year)
    {
        var expected = Published[year].Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(BankHolidays.ForYear(year).Keys, Is.EquivalentTo(expected));
    }

    private static IEnumerable<int> Years() => Enumerable.Range(2018, 10);

    [TestCase("2002-06-03")]
    [TestCase("2002-06-04")]
    [TestCase("2011-04-29")]
    [TestCase("2012-06-04")]
    [TestCase("2012-06-05")]
    [TestCase("2020-05-08")]
    [TestCase("2022-06-02")]
    [TestCase("2022-06-03")]
    [TestCase("2022-09-19")]
    [TestCase("2023-05-08")]
    public void One_off_proclaimed_days_are_holidays(string date) =>
        Assert.That(BankHolidays.IsBankHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.True);

    [TestCase("2002-05-27")]
    [TestCase("2012-05-28")]
    [TestCase("2020-05-04")]
    [TestCase("2022-05-30")]
    public void Usual_dates_of_moved_holidays_are_working_days(string date) =>
        Assert.That(BankHolidays.IsBankHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.False);

    [Test]
    public void Christmas_on_a_Sunday_keeps_Boxing_Day_on_Monday_and_moves_Christmas_to_Tuesday()
    {
        Assert.That(BankHolidays.NameOf(new DateOnly(2022, 12, 26)), Is.EqualTo("Boxing Day"));
        Assert.That(BankHolidays.NameOf(new DateOnly(2022, 12, 27)), Is.EqualTo("Christmas Day (substitute day)"));
    }

    [TestCase(2000, "2000-04-23")]
    [TestCase(2019, "2019-04-21")]
    [TestCase(2038, "2038-04-25")]
    [TestCase(2040, "2040-04-01")]
    public void Easter_Sunday_is_computed(int year, string expected) =>
        Assert.That(BankHolidays.EasterSunday(year), Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
}

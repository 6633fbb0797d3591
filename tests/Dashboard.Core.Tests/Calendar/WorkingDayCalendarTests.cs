using Dashboard.Core.Calendar;

namespace Dashboard.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Test]
    public void A_weekday_that_is_not_a_holiday_is_a_working_day() =>
        Assert.That(WorkingDayCalendar.IsWorkingDay(D(2024, 3, 27)), Is.True);

    [Test]
    public void Weekends_and_bank_holidays_are_not_working_days()
    {
        Assert.That(WorkingDayCalendar.IsWorkingDay(D(2024, 3, 30)), Is.False, "Saturday");
        Assert.That(WorkingDayCalendar.IsWorkingDay(D(2024, 3, 31)), Is.False, "Sunday");
        Assert.That(WorkingDayCalendar.IsWorkingDay(D(2024, 3, 29)), Is.False, "Good Friday");
    }

    [Test]
    public void Across_Easter_Thursday_to_Tuesday_is_one_working_day() =>
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(D(2024, 3, 28), D(2024, 4, 2)), Is.EqualTo(1));

    [Test]
    public void Across_Christmas_2020_Thursday_24th_to_Tuesday_29th_is_one_working_day() =>
        // Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day (substitute), Tue 29 is the first working day.
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(D(2020, 12, 24), D(2020, 12, 29)), Is.EqualTo(1));

    [Test]
    public void Adding_working_days_skips_Christmas_and_New_Year()
    {
        // From Wed 23 Dec 2020: 24 (1), 29 (2), 30 (3), 31 (4), 4 Jan (5): 1 Jan 2021 is a holiday.
        Assert.That(WorkingDayCalendar.AddWorkingDays(D(2020, 12, 23), 5), Is.EqualTo(D(2021, 1, 4)));
    }

    [Test]
    public void The_start_day_is_day_zero()
    {
        Assert.That(WorkingDayCalendar.AddWorkingDays(D(2024, 3, 25), 0), Is.EqualTo(D(2024, 3, 25)));
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(D(2024, 3, 25), D(2024, 3, 25)), Is.Zero);
    }

    [Test]
    public void Within_45_working_days_includes_the_45th_day()
    {
        var referral = D(2025, 1, 6);
        var due = WorkingDayCalendar.AddWorkingDays(referral, 45);
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(referral, due), Is.EqualTo(45));
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(referral, WorkingDayCalendar.OnOrNextWorkingDay(due.AddDays(1))), Is.EqualTo(46));
    }

    [Test]
    public void A_non_working_day_carries_the_number_of_the_working_day_before_it()
    {
        Assert.That(WorkingDayCalendar.WorkingDayNumber(D(2024, 3, 31)), Is.EqualTo(WorkingDayCalendar.WorkingDayNumber(D(2024, 3, 28))));
        Assert.That(WorkingDayCalendar.WorkingDayNumber(D(2024, 4, 2)), Is.EqualTo(WorkingDayCalendar.WorkingDayNumber(D(2024, 3, 28)) + 1));
    }

    [Test]
    public void Leap_day_2024_is_a_working_day() =>
        Assert.That(WorkingDayCalendar.WorkingDaysBetween(D(2024, 2, 28), D(2024, 3, 1)), Is.EqualTo(2));

    [Test]
    public void Dates_outside_the_calendar_are_refused() =>
        Assert.That(() => WorkingDayCalendar.WorkingDayNumber(D(1999, 12, 31)), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Subtraction_of_numbers_agrees_with_counting_day_by_day()
    {
        var from = D(2018, 1, 1);
        for (var to = from; to <= D(2027, 12, 31); to = to.AddDays(37))
        {
            var counted = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (WorkingDayCalendar.IsWorkingDay(d)) counted++;
            Assert.That(WorkingDayCalendar.WorkingDaysBetween(from, to), Is.EqualTo(counted), to.ToString("yyyy-MM-dd"));
        }
    }
}

using Dashboard.Core.Calendar;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// Working-day arithmetic for the rules, by the calendar's running working-day number only.
/// <list type="bullet">
/// <item>Same answers as <see cref="WorkingDayCalendar.AddWorkingDays"/> (a test holds them equal), but with
/// no bank-holiday lookup per day stepped: that lookup takes a lock, and a million exception rows computing due
/// dates on two threads spent most of their time waiting on it.</item>
/// <item>Dates outside the calendar (2000 to 2040) are clamped to its ends rather than thrown on: a plan that
/// started in 1998 is simply very overdue, and one bad date must not stop a council's whole run.</item>
/// </list>
/// </summary>
internal static class WorkingDays
{
    /// <summary>The running working-day number, clamped to the calendar's range.</summary>
    public static int Number(DateOnly date) =>
        WorkingDayCalendar.WorkingDayNumber(date < WorkingDayCalendar.Epoch ? WorkingDayCalendar.Epoch
            : date > WorkingDayCalendar.End ? WorkingDayCalendar.End : date);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to) => Number(to) - Number(from);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (the start day is day zero).</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return start;
        var target = Number(start) + days;
        // n working days take at least n calendar days; the number rises by one on each working day, so the
        // first day that reaches the target is that working day.
        var d = start.AddDays(days);
        while (d < WorkingDayCalendar.End && Number(d) < target) d = d.AddDays(1);
        return d;
    }
}

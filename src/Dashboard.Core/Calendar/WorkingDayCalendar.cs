namespace Dashboard.Core.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less bank holidays. Every working day has a
/// running number (<see cref="WorkingDayNumber"/>) so "within N working days" is a subtraction, in C#
/// here and in SQL over dim_date alike.
/// <para>
/// Convention: the working days between two dates count the days AFTER the start up to and including
/// the end (the start day is day zero). A referral on Monday decided on Tuesday took 1 working day.
/// DfE's CIN validator counts the start day as day one; each indicator's definition says which it uses.
/// </para>
/// </summary>
public static class WorkingDayCalendar
{
    /// <summary>The first day the running number covers; the date dimension starts here too.</summary>
    public static readonly DateOnly Epoch = new(2000, 1, 1);

    /// <summary>The last day the date dimension holds.</summary>
    public static readonly DateOnly End = new(2040, 12, 31);

    private static readonly Lazy<int[]> Numbers = new(BuildNumbers);

    /// <summary>Within the calendar's range this is a lookup (no lock, safe and fast on every thread); outside
    /// it, the rules are applied directly.</summary>
    public static bool IsWorkingDay(DateOnly date)
    {
        if (date > Epoch && date <= End)
        {
            var i = date.DayNumber - Epoch.DayNumber;
            var numbers = Numbers.Value;
            return numbers[i] != numbers[i - 1];
        }
        return IsWorkingDayByRule(date);
    }

    private static bool IsWorkingDayByRule(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsBankHoliday(date);

    /// <summary>
    /// The count of working days from <see cref="Epoch"/> up to and including <paramref name="date"/>.
    /// A non-working day carries the number of the working day before it, so the difference between two
    /// dates' numbers is <see cref="WorkingDaysBetween"/>.
    /// </summary>
    public static int WorkingDayNumber(DateOnly date)
    {
        if (date < Epoch || date > End)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The calendar covers {Epoch:yyyy-MM-dd} to {End:yyyy-MM-dd}.");
        }
        return Numbers.Value[date.DayNumber - Epoch.DayNumber];
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDayNumber(to) - WorkingDayNumber(from);

    /// <summary>The date that is <paramref name="days"/> working days after <paramref name="start"/>
    /// (the start day is day zero). Adding 0 to a non-working day gives that day unchanged.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = start;
        var left = days;
        while (left > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>The day itself if it is a working day, otherwise the next one.</summary>
    public static DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    private static int[] BuildNumbers()
    {
        var numbers = new int[End.DayNumber - Epoch.DayNumber + 1];
        var running = 0;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (IsWorkingDayByRule(Epoch.AddDays(i))) running++;
            numbers[i] = running;
        }
        return numbers;
    }
}

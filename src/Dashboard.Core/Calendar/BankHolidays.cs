namespace Dashboard.Core.Calendar;

/// <summary>
/// England and Wales bank holidays, computed from the rules rather than typed in, so the calendar
/// runs to 2040 without a yearly edit. The rules: New Year's Day, Good Friday, Easter Monday, the
/// first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with
/// substitute weekdays when a fixed-date holiday falls at a weekend; plus the one-off changes made by
/// proclamation (listed in <see cref="OneOffChanges"/>).
/// </summary>
public static class BankHolidays
{
    /// <summary>Days added or moved by royal proclamation. A moved holiday lists its new date here and
    /// its usual date in <see cref="Removed"/>.</summary>
    private static readonly Dictionary<DateOnly, string> OneOffChanges = new()
    {
        [new DateOnly(2002, 6, 3)] = "Spring bank holiday (Golden Jubilee year)",
        [new DateOnly(2002, 6, 4)] = "Queen's Golden Jubilee",
        [new DateOnly(2011, 4, 29)] = "Royal wedding",
        [new DateOnly(2012, 6, 4)] = "Spring bank holiday (Diamond Jubilee year)",
        [new DateOnly(2012, 6, 5)] = "Queen's Diamond Jubilee",
        [new DateOnly(2020, 5, 8)] = "Early May bank holiday (VE day)",
        [new DateOnly(2022, 6, 2)] = "Spring bank holiday (Platinum Jubilee year)",
        [new DateOnly(2022, 6, 3)] = "Queen's Platinum Jubilee",
        [new DateOnly(2022, 9, 19)] = "State funeral of Queen Elizabeth II",
        [new DateOnly(2023, 5, 8)] = "Coronation of King Charles III",
    };

    /// <summary>Usual dates that did not apply because the holiday was moved that year.</summary>
    private static readonly HashSet<DateOnly> Removed =
    [
        new DateOnly(2002, 5, 27), new DateOnly(2012, 5, 28), new DateOnly(2020, 5, 4), new DateOnly(2022, 5, 30),
    ];

    private static readonly Dictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>The bank holidays of one year with their names.</summary>
    public static IReadOnlyDictionary<DateOnly, string> ForYear(int year)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(year, out var days))
            {
                days = Compute(year);
                Cache[year] = days;
            }
            return days;
        }
    }

    public static bool IsBankHoliday(DateOnly date) => ForYear(date.Year).ContainsKey(date);

    /// <summary>The holiday's name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly date) => ForYear(date.Year).GetValueOrDefault(date);

    private static SortedDictionary<DateOnly, string> Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly d, string name)
        {
            if (!Removed.Contains(d)) days[d] = name;
        }

        var newYear = new DateOnly(year, 1, 1);
        Add(NextWeekday(newYear), newYear.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "New Year's Day (substitute day)" : "New Year's Day");
        var easter = EasterSunday(year);
        Add(easter.AddDays(-2), "Good Friday");
        Add(easter.AddDays(1), "Easter Monday");
        Add(FirstMonday(year, 5), "Early May bank holiday");
        Add(LastMonday(year, 5), "Spring bank holiday");
        Add(LastMonday(year, 8), "Summer bank holiday");

        // Christmas and Boxing Day: a day that falls at a weekend is moved to the next weekday not
        // already a holiday (Christmas on a Sunday: Boxing Day stays on Monday, Christmas moves to Tuesday).
        var christmas = new DateOnly(year, 12, 25);
        var boxing = christmas.AddDays(1);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                Add(christmas, "Christmas Day");
                Add(christmas.AddDays(3), "Boxing Day (substitute day)");
                break;
            case DayOfWeek.Saturday:
                Add(christmas.AddDays(2), "Christmas Day (substitute day)");
                Add(christmas.AddDays(3), "Boxing Day (substitute day)");
                break;
            case DayOfWeek.Sunday:
                Add(boxing, "Boxing Day");
                Add(christmas.AddDays(2), "Christmas Day (substitute day)");
                break;
            default:
                Add(christmas, "Christmas Day");
                Add(boxing, "Boxing Day");
                break;
        }

        foreach (var (date, name) in OneOffChanges.Where(c => c.Key.Year == year)) days[date] = name;
        return days;
    }

    private static DateOnly NextWeekday(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(1);
        return d;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(-1);
        return d;
    }

    /// <summary>Western Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}

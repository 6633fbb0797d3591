using System.Globalization;

namespace Dashboard.Core.Indicators;

/// <summary>
/// A calendar month, the period every indicator is reported by. Boundaries are inclusive at both ends:
/// a date is in the month when <see cref="First"/> &lt;= date &lt;= <see cref="Last"/>. "As at" indicators are
/// evaluated on <see cref="Last"/> (capped at the data's extract date for the latest, unfinished month;
/// see <see cref="Model.CaseData.AsAt"/>); "in period" indicators count events dated within the month.
/// </summary>
public readonly record struct Month : IComparable<Month>
{
    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 = January .. 12 = December.</summary>
    public int Number { get; }

    public DateOnly First => new(Year, Number, 1);

    public DateOnly Last => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Number;

    public Month Next() => Number == 12 ? new Month(Year + 1, 1) : new Month(Year, Number + 1);

    public Month Previous() => Number == 1 ? new Month(Year - 1, 12) : new Month(Year, Number - 1);

    public Month AddMonths(int months)
    {
        var index = (Year * 12) + (Number - 1) + months;
        return new Month(index / 12, (index % 12) + 1);
    }

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<Month> Range(Month from, Month to)
    {
        for (var m = from; m <= to; m = m.Next()) yield return m;
    }

    /// <summary>Parses "yyyy-MM", the form <see cref="ToString"/> writes.</summary>
    public static Month Parse(string text)
    {
        var date = DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Of(date);
    }

    public int CompareTo(Month other) => ((Year * 12) + Number).CompareTo((other.Year * 12) + other.Number);

    public static bool operator <(Month left, Month right) => left.CompareTo(right) < 0;
    public static bool operator >(Month left, Month right) => left.CompareTo(right) > 0;
    public static bool operator <=(Month left, Month right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Month left, Month right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Number:D2}";
}

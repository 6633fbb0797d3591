using System.Globalization;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// The period Annex A looks back over. Boundaries are inclusive: the six-month lookback runs from the day after
/// the same date six months earlier up to and including the reference date (1 October to 31 March for a 31 March
/// reference), and the twelve-month window used by the "in the last 12 months" counts likewise. Facts store dates
/// as yyyymmdd keys, so the window is also given as keys for the SQL.
/// </summary>
public sealed record AnnexAWindow(DateOnly ReferenceDate)
{
    public const int LookbackMonths = 6;

    public DateOnly From => ReferenceDate.AddMonths(-LookbackMonths).AddDays(1);

    public DateOnly YearFrom => ReferenceDate.AddMonths(-12).AddDays(1);

    internal int RefKey => Key(ReferenceDate);

    internal int FromKey => Key(From);

    internal int YearFromKey => Key(YearFrom);

    internal static int Key(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>The date of a yyyymmdd key; null for no date or the unknown member (0).</summary>
    internal static DateOnly? Date(long? key) =>
        key is { } k and > 0 ? new DateOnly((int)(k / 10000), (int)(k / 100 % 100), (int)(k % 100)) : null;

    /// <summary>A key only when the event had happened by the reference date (a later close date is not shown).</summary>
    internal DateOnly? DateByReference(long? key) => key is { } k && k <= RefKey ? Date(k) : null;

    /// <summary>Whole years of age on the reference date.</summary>
    internal int? AgeInYears(DateOnly? birth)
    {
        if (birth is not { } b || b > ReferenceDate) return null;
        var age = ReferenceDate.Year - b.Year;
        return ReferenceDate < b.AddYears(age) ? age - 1 : age;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:dd/MM/yyyy} to {ReferenceDate:dd/MM/yyyy}");
}

using System.Globalization;

namespace Dashboard.Core.Indicators.Rolling;

/// <summary>A length asked for that is not offered; <see cref="Exception.Message"/> says what is.</summary>
public sealed class LengthNotOfferedException : Exception
{
    public LengthNotOfferedException(string message) : base(message) { }

    public LengthNotOfferedException() { }

    public LengthNotOfferedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// How many months each figure covers: the month itself, or the 3 or 12 months ending with it (rolling figures). A small
/// council counts a handful of children a month, too few to rate; over 3 or 12 months the same rows give a figure that
/// can be rated. The reader chooses (?length=3 on a page, <c>--length 3</c> for a pack); the council sets the default
/// (setting <c>defaultLength</c>). See <see cref="RollingFigures"/> for how a rolling figure is made.
/// </summary>
public readonly record struct FigureLength
{
    private readonly int _months;

    private FigureLength(int months) => _months = months;

    /// <summary>The month on its own.</summary>
    public static FigureLength OneMonth { get; } = new(1);

    public static FigureLength ThreeMonths { get; } = new(3);

    public static FigureLength TwelveMonths { get; } = new(12);

    /// <summary>Every length offered, shortest first.</summary>
    public static IReadOnlyList<FigureLength> All { get; } = [OneMonth, ThreeMonths, TwelveMonths];

    /// <summary>1, 3 or 12 (a default value is the month on its own).</summary>
    public int Months => _months == 0 ? 1 : _months;

    /// <summary>True for the 3- and 12-month figures: consecutive ones share months.</summary>
    public bool IsRolling => Months > 1;

    /// <summary>"Month", "3 months", "12 months": the choice as a switch names it.</summary>
    public string Name => Months == 1 ? "Month" : $"{Months} months";

    /// <summary>The first month of the window ending with <paramref name="end"/>.</summary>
    public Indicators.Month WindowStart(Indicators.Month end) => end.AddMonths(-(Months - 1));

    /// <summary>"November 2026" or "3 months to November 2026": the period a figure for <paramref name="end"/> covers.</summary>
    public string Covers(Indicators.Month end) => IsRolling ? $"{Months} months to {MonthName(end)}" : MonthName(end);

    /// <summary>"November 2026": the month on its own, whatever the length (for a measure that does not roll).</summary>
    public static string OneMonthCovers(Indicators.Month end) => MonthName(end);

    /// <summary>Lengths are equal when they cover as many months (a default value is the month on its own).</summary>
    public bool Equals(FigureLength other) => Months == other.Months;

    public override int GetHashCode() => Months;

    /// <summary>As the query string and the command line write it: "1", "3", "12".</summary>
    public override string ToString() => Months.ToString(CultureInfo.InvariantCulture);

    /// <summary>The length for 1, 3 or 12; anything else throws <see cref="LengthNotOfferedException"/> naming the choices.</summary>
    public static FigureLength Of(int months) => months switch
    {
        1 => OneMonth,
        3 => ThreeMonths,
        12 => TwelveMonths,
        _ => throw new LengthNotOfferedException($"figures cover 1 month, or 3 or 12 months to the month chosen; {months} is not one of them."),
    };

    /// <summary>The length a reader asked for ("1", "3", "12"), or <paramref name="fallback"/> when none was.</summary>
    public static FigureLength Parse(string? text, FigureLength fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is 1 or 3 or 12
            ? Of(months)
            : throw new LengthNotOfferedException("figures cover 1 month, or 3 or 12 months to the month chosen (write 1, 3 or 12).");
    }

    private static string MonthName(Indicators.Month month) => month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}

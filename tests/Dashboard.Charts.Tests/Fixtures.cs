using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

/// <summary>Hand-built results, so each test states the numbers it depends on.</summary>
internal static class Fixtures
{
    public static readonly Month April2024 = new(2024, 4);

    /// <summary>A point on an XmR-style chart with limits 60 to 90 around a mean of 75.</summary>
    public static SpcPoint Point(Month month, decimal value, SpecialCause causes = SpecialCause.None, SignalDirection? signal = null) =>
        new(month, value, 75m, 90m, 60m, 85m, 65m, causes, signal);

    /// <summary>Eighteen months from April 2024: two below the lower limit early on, and a shift of 7 low months to end.</summary>
    public static SpcResult ShiftingDown()
    {
        var points = new List<SpcPoint>();
        decimal[] values = [76, 55, 78, 58, 80, 77, 79, 76, 78, 80, 77, 70, 71, 72, 70, 73, 69, 71.2m];
        for (var i = 0; i < values.Length; i++)
        {
            var causes = SpecialCause.None;
            if (values[i] < 60) causes |= SpecialCause.OutsideLimits;
            if (i >= values.Length - 7) causes |= SpecialCause.Shift;
            points.Add(Point(April2024.AddMonths(i), values[i], causes, causes == SpecialCause.None ? null : SignalDirection.Low));
        }
        return new SpcResult(ChartKind.XmR, points, 75m, 5m, Variation.Deteriorating, Assurance.ReliablyMissed, 85m);
    }

    public static SpcResult Steady(int months = 6, bool gapInMonthThree = false)
    {
        var points = Enumerable.Range(0, months)
            .Where(i => !(gapInMonthThree && i == 2))
            .Select(i => Point(April2024.AddMonths(i), 74m + (i % 3)))
            .ToList();
        return new SpcResult(ChartKind.XmR, points, 75m, 2m, Variation.NoSignificantChange, Assurance.NoTarget, null);
    }
}

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
        return new SpcResult(ChartKind.XmR, points, 75m, 5m, Variation.Deteriorating, Assurance.ConsistentlyMissed, 85m)
        {
            Phases = [new SpcPhase(points[0].Month, points[^1].Month, points.Count, 75m, 5m, true, PhaseStart.FirstMonth)],
        };
    }

    public static SpcResult Steady(int months = 6, bool gapInMonthThree = false)
    {
        var points = Enumerable.Range(0, months)
            .Where(i => !(gapInMonthThree && i == 2))
            .Select(i => Point(April2024.AddMonths(i), 74m + (i % 3)))
            .ToList();
        return new SpcResult(ChartKind.XmR, points, 75m, 2m, Variation.NoSignificantChange, Assurance.NoTarget, null)
        {
            Phases = [new SpcPhase(points[0].Month, points[^1].Month, points.Count, 75m, 2m, true, PhaseStart.FirstMonth)],
        };
    }

    /// <summary>
    /// Twenty months from April 2024 in three phases: ten about 60 (limits 50 to 70), a sustained rise to about 80 from
    /// February 2025 (limits 72 to 88), and three months after a recorded change in September 2025, too few for limits.
    /// </summary>
    public static SpcResult Phased()
    {
        var points = new List<SpcPoint>();
        for (var i = 0; i < 10; i++) points.Add(new SpcPoint(April2024.AddMonths(i), 59m + (i % 3), 60m, 70m, 50m, 66.7m, 53.3m, SpecialCause.None, null, 0));
        for (var i = 10; i < 17; i++) points.Add(new SpcPoint(April2024.AddMonths(i), 79m + (i % 3), 80m, 88m, 72m, 85.3m, 74.7m, SpecialCause.None, null, 1));
        for (var i = 17; i < 20; i++) points.Add(new SpcPoint(April2024.AddMonths(i), 70m + i, 89m, null, null, null, null, SpecialCause.None, null, 2));
        return new SpcResult(ChartKind.XmR, points, 89m, null, Variation.NotEnoughData, Assurance.NotEnoughData, 85m)
        {
            Phases =
            [
                new SpcPhase(April2024, April2024.AddMonths(9), 10, 60m, 2m, true, PhaseStart.FirstMonth),
                new SpcPhase(April2024.AddMonths(10), April2024.AddMonths(16), 7, 80m, 2m, true, PhaseStart.SustainedShift, Shift: SignalDirection.High),
                new SpcPhase(April2024.AddMonths(17), April2024.AddMonths(19), 3, 89m, null, false, PhaseStart.RecordedChange, "New locality teams"),
            ],
        };
    }
}

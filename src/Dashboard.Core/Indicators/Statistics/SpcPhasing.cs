using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>
/// Where a chart's phases start, as Making Data Count recalculates limits: at each change the council recorded, and at
/// the first point of a sustained shift (a run of 7 or more points on one side of the mean). The mean a run is judged
/// against is its stretch's own; after a split both parts are looked at again with their own means, so a series that
/// stepped twice gets three phases.
/// </summary>
internal static class SpcPhasing
{
    /// <summary>A phase as point indexes [Start, End), with why it starts.</summary>
    public readonly record struct Span(int Start, int End, PhaseStart Reason, string? Change, SignalDirection? Shift);

    public static List<Span> Find(SpcInput[] points, ChartKind kind, IndicatorUnit unit, IReadOnlyList<ChangeDate> changes)
    {
        var spans = new List<Span>();
        var starts = RecordedStarts(points, changes);
        for (var k = 0; k < starts.Count; k++)
        {
            var (start, change) = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1].Index : points.Length;
            Split(points, kind, unit, new Span(start, end, change is null ? PhaseStart.FirstMonth : PhaseStart.RecordedChange, change, null), spans);
        }
        return spans;
    }

    /// <summary>The first point and each recorded change's first point inside the chart; changes in one month share a phase.</summary>
    private static List<(int Index, string? Change)> RecordedStarts(SpcInput[] points, IReadOnlyList<ChangeDate> changes)
    {
        var starts = new List<(int Index, string? Change)> { (0, null) };
        foreach (var group in changes.GroupBy(c => c.Month).OrderBy(g => g.Key))
        {
            var index = Array.FindIndex(points, p => p.Month >= group.Key);
            if (index <= 0) continue;   // before the chart's first month (its months are all after the change), or after its last
            var what = string.Join("; ", group.Select(c => c.What).Distinct(StringComparer.Ordinal));
            if (starts[^1].Index == index) starts[^1] = (index, starts[^1].Change is null ? what : $"{starts[^1].Change}; {what}");
            else starts.Add((index, what));
        }
        return starts;
    }

    private static void Split(SpcInput[] points, ChartKind kind, IndicatorUnit unit, Span span, List<Span> into)
    {
        var run = FirstLaterRun(points, kind, unit, span.Start, span.End);
        if (run is not { } r)
        {
            into.Add(span);
            return;
        }
        Split(points, kind, unit, span with { End = r.Start }, into);
        Split(points, kind, unit, new Span(r.Start, span.End, PhaseStart.SustainedShift, null, r.Direction), into);
    }

    /// <summary>The first run of <see cref="SpcRules.ShiftLength"/> or more points on one side of the stretch's mean that starts after its first point.</summary>
    private static (int Start, SignalDirection Direction)? FirstLaterRun(SpcInput[] points, ChartKind kind, IndicatorUnit unit, int start, int end)
    {
        if (end - start <= SpcRules.ShiftLength) return null;
        var mean = SpcLimits.Centre(points.AsSpan(start, end - start), kind, unit);
        int Sign(int i) => Math.Sign(points[i].Value!.Value - mean);
        var runStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i < end && Sign(i) == Sign(runStart) && Sign(i) != 0) continue;
            if (runStart > start && Sign(runStart) != 0 && i - runStart >= SpcRules.ShiftLength)
            {
                return (runStart, Sign(runStart) > 0 ? SignalDirection.High : SignalDirection.Low);
            }
            // A stretch that opens with a run is the same step seen from the other side: the process moved where the
            // run ends. Split there when what follows is long enough to set limits of its own, so the early months
            // are not drawn as signals against a mean they never shared.
            if (runStart == start && Sign(runStart) != 0 && i - runStart >= SpcRules.ShiftLength && end - i >= SpcRules.ShiftLength)
            {
                return (i, Sign(runStart) > 0 ? SignalDirection.Low : SignalDirection.High);
            }
            runStart = i;
        }
        return null;
    }
}

using Dashboard.Charts;

namespace Dashboard.Reports.Figures;

/// <summary>
/// The chart of a rolling trend in a pack: the rolling figures as a line with the target, without SPC limits (consecutive
/// rolling figures share months, so limits set on them would be too narrow and every run would look like a signal).
/// </summary>
public static class RollingTrendChart
{
    /// <summary>Null when fewer than two figures can be shown (a line needs two points).</summary>
    public static ChartSpec? Build(IndicatorTrend trend, string scopeName, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(options);
        var d = trend.Definition;
        var points = trend.Series.Select(s => (s.Month, s.Figure.Value)).ToList();
        return points.Count(p => p.Value is not null) < 2 ? null
            : RollingLineChart.Build($"{d.Title}: {scopeName}, rolling {trend.Length.Months}-month figures", trend.Length.Months, points, d.Unit, trend.Target, options);
    }
}

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
        var line = $"{scopeName}, {trend.Length.Months} months to each month";
        var points = trend.Series.Where(s => s.Figure.IsAvailable).Select(s => (line, s.Month, s.Figure.Value)).ToList();
        return points.Count(p => p.Value is not null) < 2 ? null
            : TeamTrendChart.Build($"{d.Title}: rolling {trend.Length.Months}-month figures", points, d.Unit, trend.Target, options,
                trend.HasSuppressed ? TeamTrendChart.SuppressedReason : TeamTrendChart.NoValueReason);
    }
}

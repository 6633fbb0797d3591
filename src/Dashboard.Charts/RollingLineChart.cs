using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// Rolling 3- or 12-month figures as one line with the target: no control limits, as consecutive rolling figures share
/// months (limits set on them would be too narrow, and every run would look like a signal). A month with no value (hidden
/// or not available) is a gap, never bridged.
/// </summary>
public static class RollingLineChart
{
    public const int DefaultWidth = 720;
    public const int DefaultHeight = 280;

    /// <param name="title">The chart's heading ("Children on CP plans visited in time: Synthetic Borough, rolling 3-month figures").</param>
    /// <param name="months">How many months each figure covers (3 or 12), for the description and the table.</param>
    /// <param name="points">One rolling figure per month it ends in, in any order; null for a month with no value.</param>
    public static ChartSpec Build(string title, int months, IReadOnlyList<(Month Month, decimal? Value)> points, IndicatorUnit unit, decimal? target,
        ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(points);
        options ??= ChartOptions.Default;
        var rows = points.OrderBy(p => p.Month).ToList();
        var description = Describe(title, months, rows, unit, target, options);
        var table = new DataTable($"{title}: each value covers the {months} months to the month named", ["Month", "Value"],
            rows.Select(r => (IReadOnlyList<string>)[ChartStyle.Long(r.Month), options.Text(unit, r.Value)]).ToList());

        var id = "rolling-" + ChartStyle.Slug(title);
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? DefaultHeight;
        return new ChartSpec(id, title, description, table, new ChartDrawing(id, () => Draw(rows, unit, target, options, width, height), width, height));
    }

    private static Plot Draw(List<(Month Month, decimal? Value)> rows, IndicatorUnit unit, decimal? target, ChartOptions options, int width, int height)
    {
        var plot = ChartStyle.NewPlot();
        var (lo, hi) = ChartStyle.Domain(rows.Select(r => r.Value).OfType<decimal>().Concat(new[] { target }.OfType<decimal>()), unit);
        var (yLo, yHi) = ChartStyle.ValueTicks(plot.Axes.Left, lo, hi, unit);
        plot.YLabel(options.AxisTitle(unit));
        ChartStyle.MonthTicks(plot.Axes.Bottom, rows.Select(r => r.Month).ToList(), width - ChartStyle.AxisAllowance);
        var xHi = Math.Max(1, rows.Count) - 0.5;
        plot.Axes.SetLimits(-0.5, xHi, yLo - ChartStyle.MarkerRoom(yLo, yHi), yHi + ChartStyle.MarkerRoom(yLo, yHi));
        if (target is { } t) plot.Add.HorizontalLine((double)t, 1.5f, ChartStyle.Text, LinePattern.Dashed);
        var values = rows.Select(r => r.Value).ToList();
        foreach (var (xs, ys) in ChartStyle.Runs(values)) ChartStyle.Line(plot, xs, ys, ChartStyle.Ink, 1.75f);
        var shown = values.Select((v, i) => (v, i)).Where(x => x.v is not null).ToList();
        plot.Add.Markers(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => (double)x.v!.Value).ToArray(), MarkerShape.FilledCircle, 7, ChartStyle.Ink);
        if (target is { } tv)
        {
            // Over the line, unless the last months run above it and there is room under it; never on a point (ReferenceLabels).
            ReferenceLabels.Draw(plot, width, height,
                a => [new ReferenceLabel($"Target {options.Text(unit, tv)}", (double)tv, true, TargetLabelBelow(values, tv, (decimal)yLo, (decimal)yHi, a.Height),
                    ChartStyle.Text, LinePattern.Dashed)],
                () => [.. shown.Select(x => plot.GetPixel(new Coordinates(x.i, (double)x.v!.Value)))],
                _ => []);
        }
        return plot;
    }

    /// <summary>The target's label goes under its line when most of the last quarter of the months is above it and
    /// there is room for a line of text under it inside the plot; else over it.</summary>
    internal static bool TargetLabelBelow(IReadOnlyList<decimal?> values, decimal target, decimal lower, decimal upper, double plotHeight)
    {
        if (upper <= lower || plotHeight <= 0) return false;
        var room = (upper - lower) * 17 / (decimal)plotHeight;
        var quarter = Math.Max(1, (values.Count + 3) / 4);
        var last = values.Skip(values.Count - quarter).OfType<decimal>().ToList();
        var mostlyAbove = last.Count > 0 && last.Count(v => v > target) * 2 > last.Count;
        var roomAbove = upper - target >= room;
        return target - lower >= room && (mostlyAbove || !roomAbove);
    }

    private static string Describe(string title, int months, List<(Month Month, decimal? Value)> rows, IndicatorUnit unit, decimal? target, ChartOptions options)
    {
        var shown = rows.Where(r => r.Value is not null).ToList();
        if (shown.Count == 0) return $"{title}: no rolling figure can be shown.";
        var latest = shown[^1];
        var span = $"{title}: each point covers the {months} months to its month, from {ChartStyle.Long(rows[0].Month)} to {ChartStyle.Long(rows[^1].Month)}.";
        var now = $" Latest {options.Text(unit, latest.Value)} for the {months} months to {ChartStyle.Long(latest.Month)}"
            + (target is { } t ? $", {(latest.Value >= t ? "at or above" : "below")} the target of {options.Text(unit, t)}" : "") + ".";
        var gaps = rows.Count - shown.Count;
        return span + now + (gaps == 0 ? "" : $" {ChartStyle.Count(gaps, "month has", "months have")} no value, shown as a gap.")
            + " No control limits are drawn: neighbouring figures share months.";
    }
}

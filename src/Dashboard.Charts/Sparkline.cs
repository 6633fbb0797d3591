using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// A word-sized trend line for a tile or a table cell: no axes, the latest value marked, and a gap wherever a
/// month has no value (suppressed or missing), so the line never bridges a month nobody may see.
/// </summary>
public static class Sparkline
{
    public const int DefaultWidth = 120;
    public const int DefaultHeight = 32;

    /// <param name="id">Identifies the sparkline on its page (for example the indicator id); slugged for <see cref="ChartSpec.Id"/>.</param>
    /// <param name="points">One value per month, in any order; null for a month with no value.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <param name="title">What the line shows, for the text alternative ("Child protection visits on time").</param>
    /// <param name="options">Formatting; <see cref="ChartOptions.Width"/> and <see cref="ChartOptions.Height"/> default to 120 by 32.</param>
    public static ChartSpec Build(string id, IReadOnlyList<(Month Month, decimal? Value)> points, IndicatorUnit unit, string title,
        ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        options ??= ChartOptions.Default;
        var rows = points.OrderBy(p => p.Month).ToList();
        var description = Describe(title, rows, unit, options);
        var table = new DataTable($"{title}: monthly values", ["Month", "Value"],
            rows.Select(r => (IReadOnlyList<string>)[ChartStyle.Long(r.Month), options.Text(unit, r.Value)]).ToList());

        var slug = "spark-" + ChartStyle.Slug(id);
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? DefaultHeight;
        return new ChartSpec(slug, title, description, table, new ChartDrawing(slug, () => Draw(rows), width, height));
    }

    /// <summary>The line alone on a frameless plot, with the latest value as a dot.</summary>
    private static Plot Draw(List<(Month Month, decimal? Value)> rows)
    {
        var plot = ChartStyle.NewPlot();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Layout.Frameless();
        var values = rows.Select(r => r.Value).ToList();
        var known = values.OfType<decimal>().ToList();
        var (lo, hi) = known.Count == 0 ? (0m, 1m) : (known.Min(), known.Max());
        if (lo == hi) (lo, hi) = (lo - 1, hi + 1);
        // A margin of a tenth each way, so the line and the dot are never cut at the edges.
        var pad = (double)(hi - lo) * 0.12;
        // A month's room past the last point, so the latest dot is never cut at the right edge.
        plot.Axes.SetLimits(-0.5, Math.Max(1, rows.Count), (double)lo - pad, (double)hi + pad);
        foreach (var (xs, ys) in ChartStyle.Runs(values)) ChartStyle.Line(plot, xs, ys, ChartStyle.Ink, 1.5f);
        var last = values.FindLastIndex(v => v is not null);
        if (last >= 0) plot.Add.Marker(last, (double)values[last]!.Value, MarkerShape.FilledCircle, 6, ChartStyle.Text);
        return plot;
    }

    /// <summary>"Child protection visits on time, 12 months from April 2025 to March 2026: from 70.0% to 71.2%, ranging 65.0% to 75.3%. 1 month shown as c."</summary>
    private static string Describe(string title, List<(Month Month, decimal? Value)> rows, IndicatorUnit unit, ChartOptions options)
    {
        var known = rows.Where(r => r.Value is not null).ToList();
        if (known.Count == 0) return $"{title}: no month has a value.";
        var span = $"{title}, {ChartStyle.Count(rows.Count, "month", "months")} from {ChartStyle.Long(rows[0].Month)} to {ChartStyle.Long(rows[^1].Month)}";
        var change = known.Count == 1
            ? $"{options.Text(unit, known[0].Value)} in {ChartStyle.Long(known[0].Month)}"
            : $"from {options.Text(unit, known[0].Value)} in {ChartStyle.Long(known[0].Month)} to {options.Text(unit, known[^1].Value)} in {ChartStyle.Long(known[^1].Month)}"
              + $", lowest {options.Text(unit, known.Min(r => r.Value))} and highest {options.Text(unit, known.Max(r => r.Value))}";
        var gaps = rows.Count - known.Count;
        var missing = gaps == 0 ? "" : $" {ChartStyle.Count(gaps, "month has", "months have")} no value, shown as {options.Text(unit, null)}.";
        return $"{span}: {change}.{missing}";
    }
}

using Dashboard.Core.Indicators.Catalogue;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// Horizontal bars, one per category in the order given (for example multi-agency attendance by agency), each
/// labelled with its value; a category with no value (suppressed or missing) keeps its row and shows the
/// missing mark instead of a bar. An optional target is a labelled dashed line.
/// </summary>
public static class BarChart
{
    /// <summary>Pixels per bar: unless the caller sets a height, it is this times the number of categories.</summary>
    public const int Step = 30;

    public static ChartSpec Build(string title, IReadOnlyList<(string Category, decimal? Value)> bars, IndicatorUnit unit, decimal? target,
        ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(bars);
        options ??= ChartOptions.Default;
        var description = Describe(title, bars, unit, target, options);
        var table = new DataTable(title, ["Category", "Value"],
            bars.Select(b => (IReadOnlyList<string>)[b.Category, options.Text(unit, b.Value)]).ToList());
        var id = "bars-" + ChartStyle.Slug(title);
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? Step * Math.Max(1, bars.Count) + Frame + (target is null ? 0 : Step);
        return new ChartSpec(id, title, description, table, new ChartDrawing(id, () => Draw(bars, unit, target, options), width, height));
    }

    public const int DefaultWidth = 720;

    /// <summary>Pixels for the value axis and margins around the bars.</summary>
    private const int Frame = 70;

    private static Plot Draw(IReadOnlyList<(string Category, decimal? Value)> bars, IndicatorUnit unit, decimal? target, ChartOptions options)
    {
        var plot = ChartStyle.NewPlot();
        var values = bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).Concat(new[] { target }.OfType<decimal>()).ToList();
        var hi = unit == IndicatorUnit.Percent ? 100m : values.Count == 0 ? 1m : Math.Max(values.Max() * 1.1m, 1m);
        var lo = Math.Min(0m, values.Count == 0 ? 0m : values.Min());
        var (xLo, xHi) = ChartStyle.ValueTicks(plot.Axes.Bottom, lo, hi, unit, maxTicks: 11);
        plot.XLabel(options.AxisTitle(unit));
        // Room right of the last tick for a value label after the longest bar, and a band over the bars for the target's label.
        var n = bars.Count;
        plot.Axes.SetLimits(xLo, xHi + (xHi - xLo) * 0.12, -0.5, n - 0.5 + (target is null ? 0 : 1));
        var categories = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < n; i++) categories.AddMajor(n - 1 - i, bars[i].Category);
        plot.Axes.Left.TickGenerator = categories;
        plot.Grid.YAxisStyle.IsVisible = false;
        var drawn = bars.Select((b, i) => (b.Value, i)).Where(x => x.Value is not null)
            .Select(x => new Bar
            {
                Position = n - 1 - x.i, Value = (double)x.Value!.Value, ValueBase = 0, Size = 0.62, FillColor = ChartStyle.Blue,
                LineWidth = 0, Orientation = Orientation.Horizontal,
            }).ToList();
        if (drawn.Count > 0) plot.Add.Bars(drawn);
        for (var i = 0; i < n; i++)
        {
            var y = n - 1 - i;
            var text = options.Text(unit, bars[i].Value);
            if (bars[i].Value is not { } v) ChartStyle.Label(plot, text, 0, y, Alignment.MiddleLeft, 4);
            else if (LabelInside(v, target, lo, hi)) ChartStyle.Label(plot, text, (double)v, y, Alignment.MiddleRight, -4, colour: Colors.White);
            else ChartStyle.Label(plot, text, (double)v, y, Alignment.MiddleLeft, 4);
        }
        if (target is { } t)
        {
            plot.Add.VerticalLine((double)t, 1.5f, ChartStyle.Text, LinePattern.Dashed);
            // In the band over the bars, reading away from the nearer edge.
            var late = (double)t > xLo + (xHi - xLo) * 0.7;
            ChartStyle.Label(plot, $"Target {options.Text(unit, t)}", (double)t, n - 0.5 + 1, late ? Alignment.UpperRight : Alignment.UpperLeft,
                late ? -4 : 4, 4);
        }
        return plot;
    }

    /// <summary>Whether a bar's value label goes inside the bar's end (white on blue) rather than after it: when the bar
    /// stops just short of the target, a label after it would sit under the dashed target line and be struck through.
    /// Only a bar long enough to hold its label qualifies.</summary>
    public static bool LabelInside(decimal? value, decimal? target, decimal lo, decimal hi)
    {
        if (value is not { } v || target is not { } t || hi <= lo) return false;
        var span = hi - lo;
        return v < t && (t - v) / span < LabelShare && (v - lo) / span > LabelShare;
    }

    /// <summary>About how much of the value axis a label such as "77.9%" takes, on a chart of the narrowest width drawn (an A4 column).</summary>
    private const decimal LabelShare = 0.13m;

    private static string Describe(string title, IReadOnlyList<(string Category, decimal? Value)> bars, IndicatorUnit unit,
        decimal? target, ChartOptions options)
    {
        var known = bars.Where(b => b.Value is not null).ToList();
        var first = $"{title}: {ChartStyle.Count(bars.Count, "category", "categories")}.";
        if (known.Count == 0) return $"{first} None has a value.";
        var high = known.MaxBy(b => b.Value);
        var low = known.MinBy(b => b.Value);
        var range = known.Count == 1
            ? $"Only {high.Category} has a value, {options.Text(unit, high.Value)}"
            : $"Highest {high.Category} at {options.Text(unit, high.Value)}, lowest {low.Category} at {options.Text(unit, low.Value)}";
        if (target is { } t) range += $"; {known.Count(b => b.Value >= t)} of {known.Count} at or above the target of {options.Text(unit, t)}";
        var hidden = bars.Count - known.Count;
        var gaps = hidden == 0 ? "" : $" {ChartStyle.Count(hidden, "category has", "categories have")} no value, shown as {options.Text(unit, null)}.";
        return $"{first} {range}.{gaps}";
    }
}

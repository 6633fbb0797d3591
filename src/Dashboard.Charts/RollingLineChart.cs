using System.Text.Json.Nodes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts;

/// <summary>
/// Rolling 3- or 12-month figures as one line with the target: no control limits, as consecutive rolling figures share
/// months (limits set on them would be too narrow, and every run would look like a signal). A month with no value (hidden
/// or not available) is a gap, never bridged.
/// </summary>
public static class RollingLineChart
{
    public const int DefaultHeight = 260;

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
            rows.Select(r => (IReadOnlyList<string>)[VegaLite.Long(r.Month), options.Text(unit, r.Value)]).ToList());

        var data = new JsonArray();
        foreach (var (month, value) in rows)
        {
            var row = new JsonObject { ["month"] = month.ToString(), ["valueText"] = options.Text(unit, value) }.Put("value", value);
            if (target is { } t && month == rows[0].Month) row["target"] = t;
            data.Add(row);
        }
        var (lo, hi) = VegaLite.Domain(rows.Select(r => r.Value).OfType<decimal>().Concat(new[] { target }.OfType<decimal>()), unit);
        var y = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["title"] = options.AxisTitle(unit), ["scale"] = VegaLite.Scale(lo, hi) };
        var tooltip = new JsonArray(VegaLite.MonthTooltip(), VegaLite.TextTooltip("valueText", $"{months} months to the month"));
        var line = VegaLite.Mark("line", VegaLite.Ink, strokeWidth: 1.75);
        line["invalid"] = "break-paths-filter-domains";
        var layers = new JsonArray
        {
            new JsonObject { ["name"] = "line", ["mark"] = line, ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(), ["y"] = y } },
            new JsonObject
            {
                ["name"] = "points",
                ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 36, ["color"] = VegaLite.Ink, ["opacity"] = 1 },
                ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(), ["y"] = y.DeepClone(), ["tooltip"] = tooltip },
            },
        };
        if (target is { } tv) foreach (var l in VegaLite.ReferenceLine("target", tv, $"Target {options.Text(unit, tv)}", VegaLite.Text, new JsonArray(6, 4))) layers.Add(l);
        var spec = VegaLite.Spec(description, VegaLite.Width(options), options.Height ?? DefaultHeight, VegaLite.Data(data));
        spec["layer"] = layers;
        return new ChartSpec("rolling-" + VegaLite.Slug(title), title, VegaLite.Write(spec), description, table);
    }

    private static string Describe(string title, int months, List<(Month Month, decimal? Value)> rows, IndicatorUnit unit, decimal? target, ChartOptions options)
    {
        var shown = rows.Where(r => r.Value is not null).ToList();
        if (shown.Count == 0) return $"{title}: no rolling figure can be shown.";
        var latest = shown[^1];
        var span = $"{title}: each point covers the {months} months to its month, from {VegaLite.Long(rows[0].Month)} to {VegaLite.Long(rows[^1].Month)}.";
        var now = $" Latest {options.Text(unit, latest.Value)} for the {months} months to {VegaLite.Long(latest.Month)}"
            + (target is { } t ? $", {(latest.Value >= t ? "at or above" : "below")} the target of {options.Text(unit, t)}" : "") + ".";
        var gaps = rows.Count - shown.Count;
        return span + now + (gaps == 0 ? "" : $" {VegaLite.Count(gaps, "month has", "months have")} no value, shown as a gap.")
            + " No control limits are drawn: neighbouring figures share months.";
    }
}

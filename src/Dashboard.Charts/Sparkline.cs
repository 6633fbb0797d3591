using System.Text.Json.Nodes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

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
            rows.Select(r => (IReadOnlyList<string>)[VegaLite.Long(r.Month), options.Text(unit, r.Value)]).ToList());

        var data = new JsonArray();
        var lastWithValue = rows.LastOrDefault(r => r.Value is not null).Month;
        foreach (var (month, value) in rows)
        {
            var row = new JsonObject { ["month"] = month.ToString(), ["valueText"] = options.Text(unit, value) }.Put("value", value);
            if (value is not null && month == lastWithValue) row["latest"] = true;
            data.Add(row);
        }
        var values = rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        var (lo, hi) = values.Count == 0 ? (0m, 1m) : (values.Min(), values.Max());
        if (lo == hi) (lo, hi) = (lo - 1, hi + 1);
        var y = new JsonObject
        {
            ["field"] = "value", ["type"] = "quantitative", ["axis"] = null, ["title"] = options.AxisTitle(unit),
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(lo, hi), ["zero"] = false },
        };
        var tooltip = new JsonArray(VegaLite.MonthTooltip(), VegaLite.TextTooltip("valueText", "Value"));
        var line = VegaLite.Mark("line", VegaLite.Ink, strokeWidth: 1.5);
        line["invalid"] = "break-paths-filter-domains";
        var spec = VegaLite.Spec(description, options.Width ?? DefaultWidth, options.Height ?? DefaultHeight, VegaLite.Data(data));
        spec["autosize"] = new JsonObject { ["type"] = "fit", ["contains"] = "padding" };
        spec["padding"] = 4;
        spec["layer"] = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "values", ["mark"] = line,
                ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(axis: false), ["y"] = y, ["tooltip"] = tooltip },
            },
            new JsonObject
            {
                ["name"] = "latest",
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = "datum.latest === true" }),
                ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 24, ["color"] = VegaLite.Text, ["opacity"] = 1 },
                ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(axis: false), ["y"] = y.DeepClone(), ["tooltip"] = tooltip.DeepClone() },
            },
        };
        return new ChartSpec("spark-" + VegaLite.Slug(id), title, VegaLite.Write(spec), description, table);
    }

    /// <summary>"Child protection visits on time, 12 months from April 2025 to March 2026: from 70.0% to 71.2%, ranging 65.0% to 75.3%. 1 month shown as c."</summary>
    private static string Describe(string title, List<(Month Month, decimal? Value)> rows, IndicatorUnit unit, ChartOptions options)
    {
        var known = rows.Where(r => r.Value is not null).ToList();
        if (known.Count == 0) return $"{title}: no month has a value.";
        var span = $"{title}, {VegaLite.Count(rows.Count, "month", "months")} from {VegaLite.Long(rows[0].Month)} to {VegaLite.Long(rows[^1].Month)}";
        var change = known.Count == 1
            ? $"{options.Text(unit, known[0].Value)} in {VegaLite.Long(known[0].Month)}"
            : $"from {options.Text(unit, known[0].Value)} in {VegaLite.Long(known[0].Month)} to {options.Text(unit, known[^1].Value)} in {VegaLite.Long(known[^1].Month)}"
              + $", lowest {options.Text(unit, known.Min(r => r.Value))} and highest {options.Text(unit, known.Max(r => r.Value))}";
        var gaps = rows.Count - known.Count;
        var missing = gaps == 0 ? "" : $" {VegaLite.Count(gaps, "month has", "months have")} no value, shown as {options.Text(unit, null)}.";
        return $"{span}: {change}.{missing}";
    }
}

using System.Text.Json.Nodes;
using Dashboard.Core.Indicators.Catalogue;

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
        var data = new JsonArray();
        foreach (var (category, value) in bars)
        {
            data.Add(new JsonObject { ["category"] = category, ["valueText"] = options.Text(unit, value) }.Put("value", value));
        }
        var values = bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).Concat(new[] { target }.OfType<decimal>()).ToList();
        var hi = unit == IndicatorUnit.Percent ? 100m : values.Count == 0 ? 1m : Math.Max(values.Max() * 1.1m, 1m);
        var lo = Math.Min(0m, values.Count == 0 ? 0m : values.Min());
        for (var i = 0; i < bars.Count; i++)
        {
            if (LabelInside(bars[i].Value, target, lo, hi)) data[i]!["labelInside"] = true;
        }
        var y = new JsonObject
        {
            ["field"] = "category", ["type"] = "nominal", ["title"] = null,
            ["sort"] = new JsonArray(bars.Select(b => (JsonNode?)b.Category).ToArray()),
            ["axis"] = new JsonObject { ["labelLimit"] = 220 },
        };
        var x = new JsonObject
        {
            ["field"] = "value", ["type"] = "quantitative", ["title"] = options.AxisTitle(unit), ["scale"] = VegaLite.Scale(lo, hi),
            ["axis"] = new JsonObject { ["tickCount"] = 10 },
        };
        var tooltip = new JsonArray(VegaLite.TextTooltip("category", "Category"), VegaLite.TextTooltip("valueText", "Value"));
        var layers = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "bars",
                ["mark"] = new JsonObject { ["type"] = "bar", ["color"] = VegaLite.Blue },
                ["encoding"] = new JsonObject { ["y"] = y, ["x"] = x, ["tooltip"] = tooltip },
            },
            new JsonObject
            {
                ["name"] = "value-labels",
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = "isValid(datum.value) && datum.labelInside !== true" }),
                ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 4, ["baseline"] = "middle", ["color"] = VegaLite.Text },
                ["encoding"] = new JsonObject { ["y"] = y.DeepClone(), ["x"] = x.DeepClone(), ["text"] = new JsonObject { ["field"] = "valueText" } },
            },
            new JsonObject
            {
                ["name"] = "value-labels-inside",
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = "datum.labelInside === true" }),
                ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "right", ["dx"] = -4, ["baseline"] = "middle", ["color"] = "white" },
                ["encoding"] = new JsonObject { ["y"] = y.DeepClone(), ["x"] = x.DeepClone(), ["text"] = new JsonObject { ["field"] = "valueText" } },
            },
            new JsonObject
            {
                ["name"] = "missing-labels",
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = "!isValid(datum.value)" }),
                ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 4, ["x"] = 0, ["baseline"] = "middle", ["color"] = VegaLite.Text },
                ["encoding"] = new JsonObject { ["y"] = y.DeepClone(), ["text"] = new JsonObject { ["field"] = "valueText" }, ["tooltip"] = tooltip.DeepClone() },
            },
        };
        if (target is { } t)
        {
            foreach (var l in VegaLite.ReferenceLine("target", t, $"Target {options.Text(unit, t)}", VegaLite.Text, new JsonArray(6, 4), vertical: true)) layers.Add(l);
        }

        var description = Describe(title, bars, unit, target, options);
        var table = new DataTable(title, ["Category", "Value"],
            bars.Select(b => (IReadOnlyList<string>)[b.Category, options.Text(unit, b.Value)]).ToList());
        var height = options.Height ?? Step * Math.Max(1, bars.Count);
        var spec = VegaLite.Spec(description, VegaLite.Width(options), height, VegaLite.Data(data, months: false));
        spec["layer"] = layers;
        return new ChartSpec("bars-" + VegaLite.Slug(title), title, VegaLite.Write(spec), description, table);
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
        var first = $"{title}: {VegaLite.Count(bars.Count, "category", "categories")}.";
        if (known.Count == 0) return $"{first} None has a value.";
        var high = known.MaxBy(b => b.Value);
        var low = known.MinBy(b => b.Value);
        var range = known.Count == 1
            ? $"Only {high.Category} has a value, {options.Text(unit, high.Value)}"
            : $"Highest {high.Category} at {options.Text(unit, high.Value)}, lowest {low.Category} at {options.Text(unit, low.Value)}";
        if (target is { } t) range += $"; {known.Count(b => b.Value >= t)} of {known.Count} at or above the target of {options.Text(unit, t)}";
        var hidden = bars.Count - known.Count;
        var gaps = hidden == 0 ? "" : $" {VegaLite.Count(hidden, "category has", "categories have")} no value, shown as {options.Text(unit, null)}.";
        return $"{first} {range}.{gaps}";
    }
}

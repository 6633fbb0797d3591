using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts;

/// <summary>
/// The parts every spec shares: the schema, the accessible config (system font, text colours of at least
/// 4.5:1 on white, no title inside the chart), month axes in UTC so a browser's time zone cannot move a month,
/// and the JSON writer. Numbers go into the data as JSON numbers; a null value is left out of its row, never
/// written as a number, so lines break there.
/// </summary>
internal static class VegaLite
{
    public const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";

    /// <summary>GOV.UK black: 19.6:1 on white.</summary>
    public const string Text = "#0B0C0C";

    /// <summary>GOV.UK dark grey: 7.1:1 on white, for axis lines and reference lines.</summary>
    public const string Ink = "#505A5F";

    /// <summary>GOV.UK secondary grey: 4.6:1 on white, for common-cause points and ordinary marks.</summary>
    public const string Grey = "#6F777B";

    public const string Blue = "#1D70B8";

    /// <summary>A darker orange than Making Data Count's, so the marks keep 4.6:1 on white.</summary>
    public const string Orange = "#C25400";

    public const string Purple = "#4C2C92";

    private static readonly JsonSerializerOptions Writer = new() { WriteIndented = false };

    public static JsonObject Spec(string description, JsonNode width, int height, JsonObject? data = null)
    {
        var spec = new JsonObject
        {
            ["$schema"] = Schema,
            ["description"] = description,
            ["width"] = width,
            ["height"] = height,
            ["autosize"] = new JsonObject { ["type"] = "fit-x", ["contains"] = "padding" },
            ["config"] = Config(),
        };
        if (data is not null) spec["data"] = data;
        return spec;
    }

    public static JsonNode Width(ChartOptions options) => options.Width is { } w ? JsonValue.Create(w) : JsonValue.Create("container");

    public static JsonObject Config() => new()
    {
        ["font"] = "system-ui, sans-serif",
        ["background"] = "white",
        ["view"] = new JsonObject { ["stroke"] = null },
        ["axis"] = new JsonObject
        {
            ["labelColor"] = Text, ["titleColor"] = Text, ["labelFontSize"] = 12, ["titleFontSize"] = 12,
            ["titleFontWeight"] = "normal", ["domainColor"] = Ink, ["tickColor"] = Ink, ["gridColor"] = "#E5E6E7",
        },
        ["legend"] = new JsonObject
        {
            ["labelColor"] = Text, ["titleColor"] = Text, ["labelFontSize"] = 12, ["titleFontSize"] = 12, ["orient"] = "bottom",
        },
        ["header"] = new JsonObject { ["labelColor"] = Text, ["titleColor"] = Text, ["labelFontSize"] = 12 },
        ["text"] = new JsonObject { ["color"] = Text, ["fontSize"] = 12 },
    };

    /// <summary>Inline rows, with "month" read as a UTC "yyyy-MM" date when the rows have months.</summary>
    public static JsonObject Data(JsonArray rows, bool months = true)
    {
        var data = new JsonObject { ["values"] = rows };
        if (months) data["format"] = new JsonObject { ["parse"] = new JsonObject { ["month"] = "utc:'%Y-%m'" } };
        return data;
    }

    public static JsonObject MonthX(bool axis = true) => new()
    {
        ["field"] = "month",
        ["type"] = "temporal",
        ["timeUnit"] = "utcyearmonth",
        ["title"] = null,
        ["scale"] = new JsonObject { ["padding"] = axis ? 8 : 3 },
        ["axis"] = axis ? new JsonObject { ["format"] = "%b %Y", ["labelAngle"] = 0, ["tickCount"] = 6 } : null,
    };

    public static JsonObject MonthTooltip() => new()
    {
        ["field"] = "month", ["type"] = "temporal", ["timeUnit"] = "utcyearmonth", ["format"] = "%B %Y", ["title"] = "Month",
    };

    public static JsonObject TextTooltip(string field, string title) => new() { ["field"] = field, ["type"] = "nominal", ["title"] = title };

    public static JsonObject Scale(decimal lower, decimal upper) => new() { ["domain"] = new JsonArray(lower, upper), ["nice"] = true };

    /// <summary>A value axis domain holding every value with some room, within 0-100 for percentages and from 0 for counts.</summary>
    public static (decimal Lower, decimal Upper) Domain(IEnumerable<decimal> values, IndicatorUnit unit, bool fromZero = false)
    {
        var list = values.ToList();
        if (list.Count == 0) return (0, unit == IndicatorUnit.Percent ? 100 : 1);
        decimal lo = list.Min(), hi = list.Max();
        var pad = Math.Max((hi - lo) * 0.08m, unit == IndicatorUnit.Percent ? 2m : Math.Max(Math.Abs(hi) * 0.05m, 0.5m));
        lo = fromZero || unit != IndicatorUnit.Average && lo - pad < 0 ? 0 : lo - pad;
        hi += pad;
        if (unit == IndicatorUnit.Percent) hi = Math.Min(hi, 100);
        return (Math.Round(lo, 4), Math.Round(hi, 4));
    }

    /// <summary>Adds <paramref name="value"/> to the row as a JSON number, or leaves the key out when null.</summary>
    public static JsonObject Put(this JsonObject row, string key, decimal? value)
    {
        if (value is { } v) row[key] = v;
        return row;
    }

    public static string Write(JsonObject spec) => spec.ToJsonString(Writer);

    /// <summary>"March 2026".</summary>
    public static string Long(Month month) => month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Lower case letters and digits joined by single hyphens: "spc-child-protection-visits".</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>"1 month", "3 months".</summary>
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>A mark of <paramref name="type"/> drawn in <paramref name="colour"/>, dashed when <paramref name="dash"/> is given.</summary>
    public static JsonObject Mark(string type, string colour, JsonArray? dash = null, double strokeWidth = 1.5)
    {
        var mark = new JsonObject { ["type"] = type, ["color"] = colour, ["strokeWidth"] = strokeWidth };
        if (dash is not null) mark["strokeDash"] = dash;
        return mark;
    }

    /// <summary>A horizontal reference line at <paramref name="value"/> with a label at the right end.</summary>
    /// <param name="labelAtStart">Put a horizontal line's label at the left end: the SPC chart labels the target at the
    /// right and England at the left, so the two never print over each other when the figures are close.</param>
    /// <param name="labelBelow">Put a horizontal line's label under the line rather than over it, where the data would
    /// otherwise run through the text.</param>
    public static IEnumerable<JsonObject> ReferenceLine(string name, decimal value, string label, string colour, JsonArray? dash, bool vertical = false,
        bool labelAtStart = false, bool labelBelow = false)
    {
        var data = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["ref"] = name, ["value"] = value, ["label"] = label }) };
        var axis = vertical ? "x" : "y";
        yield return new JsonObject
        {
            ["name"] = name,
            ["data"] = data,
            ["mark"] = Mark("rule", colour, dash),
            ["encoding"] = new JsonObject
            {
                [axis] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                ["tooltip"] = new JsonArray(TextTooltip("label", "Reference")),
            },
        };
        yield return new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["mark"] = vertical
                ? new JsonObject { ["type"] = "text", ["align"] = "center", ["baseline"] = "bottom", ["dy"] = -3, ["y"] = 0, ["color"] = Text }
                : labelAtStart
                    ? new JsonObject { ["type"] = "text", ["align"] = "left", ["baseline"] = labelBelow ? "top" : "bottom", ["dy"] = labelBelow ? 3 : -3, ["dx"] = 3, ["x"] = 0, ["color"] = Text }
                    : new JsonObject { ["type"] = "text", ["align"] = "right", ["baseline"] = labelBelow ? "top" : "bottom", ["dy"] = labelBelow ? 3 : -3, ["x"] = "width", ["color"] = Text },
            ["encoding"] = new JsonObject
            {
                [axis] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "label" },
            },
        };
    }
}

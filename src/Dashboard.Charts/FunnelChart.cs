using System.Text.Json.Nodes;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts;

/// <summary>
/// A funnel plot: each unit's size (x) against its rate (y), the council's rate as a line, and the 95% (dashed)
/// and 99.8% (solid) limits from <see cref="FunnelPlot.Limits"/> drawn as curves that narrow as size grows.
/// Units outside the 99.8% limits are labelled with their name, on whichever side keeps names apart
/// (<see cref="FunnelLabelPlacement"/>). Core keeps rates as proportions (0 to 1); the
/// chart, its table and its text show them in the indicator's unit (percentages 0 to 100).
/// </summary>
public static class FunnelChart
{
    public const int DefaultHeight = 340;

    /// <summary>How many sizes the limit curves are drawn through, spaced evenly on a log scale from 1 to the largest unit.</summary>
    public const int CurvePoints = 60;

    /// <param name="title">The heading, also the start of the description.</param>
    /// <param name="units">Each unit's display name and its point from <see cref="FunnelPlot.Plot"/>.</param>
    /// <param name="centre">The rate the funnel is drawn around, a proportion (0 to 1) as <see cref="FunnelPlot"/> takes it.</param>
    /// <param name="unit">How rates are shown: percentages for <see cref="IndicatorUnit.Percent"/>, else proportions.</param>
    /// <param name="sizeTitle">The x axis title, what the denominator counts ("Referrals").</param>
    /// <param name="noun">What the units are, plural, for the description ("teams", "workers").</param>
    /// <param name="options">Formatting and size.</param>
    public static ChartSpec Build(string title, IReadOnlyList<(string Label, FunnelPoint Point)> units, decimal centre, IndicatorUnit unit,
        string sizeTitle = "Number counted", string noun = "teams", ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(centre, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(centre, 1m);
        options ??= ChartOptions.Default;
        var scale = unit == IndicatorUnit.Percent ? 100m : 1m;
        string Text(decimal proportion) => options.Text(unit, proportion * scale);
        string Range(decimal lower, decimal upper) => $"{Text(lower)} to {Text(upper)}";

        var data = new JsonArray();
        foreach (var (label, p) in units)
        {
            data.Add(new JsonObject
            {
                ["label"] = label, ["numerator"] = p.Numerator, ["denominator"] = p.Denominator, ["rate"] = p.Rate * scale,
                ["rateText"] = Text(p.Rate), ["limits95"] = Range(p.Lower95, p.Upper95), ["limits998"] = Range(p.Lower998, p.Upper998),
                ["position"] = Position(p), ["detail"] = Detail(p), ["outlier"] = p.IsOutlier,
            });
        }
        var curves = Curves(centre, units.Count == 0 ? 1 : units.Max(u => u.Point.Denominator));
        var curveRows = new JsonArray(curves.Select(c => (JsonNode?)new JsonObject
        {
            ["n"] = c.N, ["lower95"] = c.L95 * scale, ["upper95"] = c.U95 * scale, ["lower998"] = c.L998 * scale, ["upper998"] = c.U998 * scale,
        }).ToArray());

        var smallest = units.Count == 0 ? 1 : units.Min(u => u.Point.Denominator);
        var mouth = FunnelPlot.Limits(centre, smallest, FunnelPlot.Z998);
        var (lo, hi) = VegaLite.Domain(units.Select(u => u.Point.Rate * scale).Append(mouth.Lower * scale).Append(mouth.Upper * scale), unit);
        var yTitle = options.AxisTitle(unit);
        PlaceLabels(units, data, scale, lo, hi, options);
        JsonObject Y(string field) => new() { ["field"] = field, ["type"] = "quantitative", ["title"] = yTitle, ["scale"] = VegaLite.Scale(lo, hi) };
        var x = new JsonObject { ["field"] = "n", ["type"] = "quantitative", ["title"] = sizeTitle, ["scale"] = new JsonObject { ["zero"] = true } };
        JsonObject Curve(string name, string upper, string lower, JsonArray? dash)
        {
            var mark = VegaLite.Mark("line", VegaLite.Ink, dash, 1.25);
            mark["clip"] = true;
            return new JsonObject
            {
                ["name"] = name,
                ["data"] = new JsonObject { ["values"] = curveRows.DeepClone() },
                ["transform"] = new JsonArray(new JsonObject { ["fold"] = new JsonArray(upper, lower), ["as"] = new JsonArray("limit", "rate") }),
                ["mark"] = mark,
                ["encoding"] = new JsonObject { ["x"] = x.DeepClone(), ["y"] = Y("rate"), ["detail"] = new JsonObject { ["field"] = "limit", ["type"] = "nominal" } },
            };
        }
        var layers = new JsonArray { Curve("limits-998", "upper998", "lower998", null), Curve("limits-95", "upper95", "lower95", new JsonArray(5, 4)) };
        foreach (var l in VegaLite.ReferenceLine("centre", centre * scale, $"Council {Text(centre)}", VegaLite.Text, null)) layers.Add(l);
        var size = x.DeepClone();
        size["field"] = "denominator";
        var categories = new[] { ("Within 95% limits", VegaLite.Grey, "circle"), ("Outside 95% limits", VegaLite.Blue, "square"), ("Outside 99.8% limits", VegaLite.Purple, "diamond") };
        JsonObject Channel(Func<(string, string, string), string> pick) => new()
        {
            ["field"] = "position", ["type"] = "nominal", ["title"] = "Position",
            ["scale"] = new JsonObject
            {
                ["domain"] = new JsonArray(categories.Select(c => (JsonNode?)c.Item1).ToArray()),
                ["range"] = new JsonArray(categories.Select(c => (JsonNode?)pick(c)).ToArray()),
            },
        };
        layers.Add(new JsonObject
        {
            ["name"] = "units",
            ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 60, ["opacity"] = 1 },
            ["encoding"] = new JsonObject
            {
                ["x"] = size.DeepClone(), ["y"] = Y("rate"), ["color"] = Channel(c => c.Item2), ["shape"] = Channel(c => c.Item3),
                ["tooltip"] = new JsonArray(VegaLite.TextTooltip("label", "Name"), VegaLite.TextTooltip("rateText", "Rate"),
                    new JsonObject { ["field"] = "numerator", ["type"] = "quantitative", ["title"] = "Numerator" },
                    new JsonObject { ["field"] = "denominator", ["type"] = "quantitative", ["title"] = "Denominator" },
                    VegaLite.TextTooltip("limits95", "95% limits"), VegaLite.TextTooltip("limits998", "99.8% limits"),
                    VegaLite.TextTooltip("detail", "Position")),
            },
        });
        // One text layer per side in use: Vega-Lite's align, baseline and offsets are mark properties, not channels.
        foreach (var side in Enum.GetValues<LabelSide>().Where(s => data.Any(r => (string?)r!["labelSide"] == s.ToString())))
        {
            var (align, baseline, dx, dy) = FunnelLabelPlacement.MarkFor(side);
            layers.Add(new JsonObject
            {
                ["name"] = "outlier-labels-" + side.ToString().ToLowerInvariant(),
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = $"datum.outlier === true && datum.labelSide === '{side}'" }),
                ["mark"] = new JsonObject { ["type"] = "text", ["align"] = align, ["baseline"] = baseline, ["dx"] = dx, ["dy"] = dy, ["color"] = VegaLite.Text },
                ["encoding"] = new JsonObject { ["x"] = size.DeepClone(), ["y"] = Y("rate"), ["text"] = new JsonObject { ["field"] = "label" } },
            });
        }

        var description = Describe(title, units, centre, noun, Text);
        var table = new DataTable($"{title}: each unit's rate and funnel limits around {Text(centre)}",
            ["Name", "Numerator", "Denominator", "Rate", "95% limits", "99.8% limits", "Position"],
            units.Select(u => (IReadOnlyList<string>)[u.Label, u.Point.Numerator.ToString(), u.Point.Denominator.ToString(), Text(u.Point.Rate),
                Range(u.Point.Lower95, u.Point.Upper95), Range(u.Point.Lower998, u.Point.Upper998), Detail(u.Point)]).ToList());
        var spec = VegaLite.Spec(description, VegaLite.Width(options), options.Height ?? DefaultHeight, VegaLite.Data(data, months: false));
        spec["layer"] = layers;
        return new ChartSpec("funnel-" + VegaLite.Slug(title), title, VegaLite.Write(spec), description, table);
    }

    /// <summary>Sets each outlier row's "labelSide" from an estimate of where its point lands: the x scale runs from
    /// zero to the largest size rounded up as Vega rounds it, the y scale over the domain given.</summary>
    private static void PlaceLabels(IReadOnlyList<(string Label, FunnelPoint Point)> units, JsonArray data, decimal scale, decimal lo, decimal hi,
        ChartOptions options)
    {
        // A container-wide chart is drawn about this wide in the dashboard's main column and on an A4 page.
        const double nominalWidth = 520;
        var width = options.Width ?? nominalWidth;
        var height = (double)(options.Height ?? DefaultHeight);
        var maxN = units.Count == 0 ? 1 : units.Max(u => u.Point.Denominator);
        var step = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, maxN)))) / 2;
        var xMax = Math.Max(1, Math.Ceiling(maxN / step) * step);
        var ySpan = (double)(hi - lo) is > 0 and var span ? span : 1;
        var outliers = Enumerable.Range(0, units.Count).Where(i => units[i].Point.IsOutlier).ToList();
        var sides = FunnelLabelPlacement.Choose(outliers.Select(i => (units[i].Label,
            units[i].Point.Denominator / xMax * width,
            (double)(hi - units[i].Point.Rate * scale) / ySpan * height)).ToList(), width, height);
        for (var k = 0; k < outliers.Count; k++) data[outliers[k]]!["labelSide"] = sides[k].ToString();
    }

    /// <summary>The limits at <see cref="CurvePoints"/> sizes from 1 to <paramref name="maxN"/>, log spaced, each size once.</summary>
    public static IReadOnlyList<(int N, decimal L95, decimal U95, decimal L998, decimal U998)> Curves(decimal centre, int maxN)
    {
        maxN = Math.Max(1, maxN);
        var sizes = Enumerable.Range(0, CurvePoints)
            .Select(i => (int)Math.Round(Math.Pow(maxN, i / (double)(CurvePoints - 1)), MidpointRounding.AwayFromZero))
            .Append(maxN).Distinct().Order();
        return sizes.Select(n =>
        {
            var (l95, u95) = FunnelPlot.Limits(centre, n, FunnelPlot.Z95);
            var (l998, u998) = FunnelPlot.Limits(centre, n, FunnelPlot.Z998);
            return (n, l95, u95, l998, u998);
        }).ToList();
    }

    private static string Position(FunnelPoint p) =>
        p.IsOutlier ? "Outside 99.8% limits" : p.At95 != FunnelPosition.Within ? "Outside 95% limits" : "Within 95% limits";

    /// <summary>"Above the 99.8% limits", "Below the 95% limits" or "Within the 95% limits".</summary>
    private static string Detail(FunnelPoint p) =>
        p.At998 != FunnelPosition.Within ? $"{p.At998} the 99.8% limits"
        : p.At95 != FunnelPosition.Within ? $"{p.At95} the 95% limits" : "Within the 95% limits";

    private static string Describe(string title, IReadOnlyList<(string Label, FunnelPoint Point)> units, decimal centre, string noun, Func<decimal, string> text)
    {
        if (units.Count == 0) return $"{title}: no {noun} to compare.";
        var sizes = $"sizes from {units.Min(u => u.Point.Denominator)} to {units.Max(u => u.Point.Denominator)}";
        var first = $"{title}: {units.Count} {noun} compared with the council rate of {text(centre)}, {sizes}.";
        var outliers = units.Where(u => u.Point.IsOutlier).ToList();
        var only95 = units.Count(u => !u.Point.IsOutlier && u.Point.At95 != FunnelPosition.Within);
        var named = string.Join(", ", outliers.Select(u =>
            $"{u.Label} ({text(u.Point.Rate)} of {u.Point.Denominator}, {u.Point.At998.ToString().ToLowerInvariant()})"));
        var more = only95 == 0 ? "" : $"; {only95} more {(only95 == 1 ? "is" : "are")} outside the 95% limits";
        var second = outliers.Count == 0
            ? $"None is outside the 99.8% limits{(only95 == 0 ? " or the 95% limits" : more.Replace(" more", "", StringComparison.Ordinal))}."
            : $"{outliers.Count} {(outliers.Count == 1 ? "is" : "are")} outside the 99.8% limits: {named}{more}.";
        return $"{first} {second}";
    }
}

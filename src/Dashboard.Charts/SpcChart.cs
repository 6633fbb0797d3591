using System.Text.Json.Nodes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts;

/// <summary>
/// A statistical process control chart as Making Data Count draws one: the monthly values joined by a line,
/// the mean (solid), the limits (dashed, stepped because p' limits move with each month's denominator), and
/// the target and England figure when given (labelled; England dotted). The mean and limits are drawn per
/// phase, as separate segments, with a dotted boundary where the limits were recalculated, labelled with the
/// recorded change's words or "Limits recalculated". Points signalling a real change are blue for improvement
/// and orange for concern, and differ in shape too (diamond, square; triangles for a measure with no better
/// direction), so colour is never the only cue. A month missing between the first and last leaves a gap.
/// </summary>
public static class SpcChart
{
    public const int DefaultHeight = 300;

    public static ChartSpec Build(string title, SpcResult spc, IndicatorUnit unit, Polarity polarity, decimal? target, decimal? england,
        ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(spc);
        options ??= ChartOptions.Default;
        var rows = Rows(spc);
        var description = SpcText.Describe(title, spc, rows, unit, target, england, options);
        var table = new DataTable($"{title}: monthly values with the average and limits",
            ["Month", "Value", "Average", "Lower limit", "Upper limit", "Limits from", "Variation"],
            rows.Select(r => (IReadOnlyList<string>)[VegaLite.Long(r.Month), options.Text(unit, r.Point?.Value), Opt(r.Point?.Mean),
                Opt(r.Point?.Lower), Opt(r.Point?.Upper), r.Point is { } p ? LimitsFrom(spc, p) : "",
                r.Point is { } q ? SpcText.Meaning(q, polarity) : ""]).ToList());

        var data = new JsonArray();
        foreach (var (month, p) in rows)
        {
            var row = new JsonObject { ["month"] = month.ToString(), ["valueText"] = options.Text(unit, p?.Value) };
            if (p is not null)
            {
                row.Put("value", p.Value).Put("mean", p.Mean).Put("upper", p.Upper).Put("lower", p.Lower);
                row["phase"] = p.Phase;
                row["meanText"] = Opt(p.Mean);
                row["upperText"] = Opt(p.Upper);
                row["lowerText"] = Opt(p.Lower);
                row["signal"] = Category(p, polarity);
            }
            data.Add(row);
        }

        var extent = rows.Where(r => r.Point is not null)
            .SelectMany(r => new[] { r.Point!.Value, r.Point.Mean, r.Point.Upper ?? r.Point.Value, r.Point.Lower ?? r.Point.Value })
            .Concat(new[] { target, england }.OfType<decimal>());
        var (lo, hi) = VegaLite.Domain(extent, unit);
        var axisTitle = options.AxisTitle(unit);
        JsonObject Y(string field) => new()
        {
            ["field"] = field, ["type"] = "quantitative", ["title"] = axisTitle, ["scale"] = VegaLite.Scale(lo, hi),
            ["axis"] = new JsonObject { ["tickCount"] = 6 },
        };
        // The mean and limits: one segment per phase, never joined to the next phase's. The values run on across phases.
        JsonObject Line(string name, string field, JsonObject mark, bool perPhase = true)
        {
            var encoding = new JsonObject { ["x"] = VegaLite.MonthX(), ["y"] = Y(field) };
            if (perPhase) encoding["detail"] = new JsonObject { ["field"] = "phase", ["type"] = "nominal" };
            return new JsonObject { ["name"] = name, ["mark"] = mark, ["encoding"] = encoding };
        }

        var dashed = VegaLite.Mark("line", VegaLite.Ink, new JsonArray(5, 4), 1.25);
        dashed["interpolate"] = "step";
        dashed["invalid"] = "break-paths-filter-domains";
        var values = VegaLite.Mark("line", VegaLite.Grey, strokeWidth: 2);
        values["invalid"] = "break-paths-filter-domains";
        var layers = new JsonArray
        {
            Line("upper-limit", "upper", dashed),
            Line("lower-limit", "lower", (JsonObject)dashed.DeepClone()),
            Line("mean", "mean", VegaLite.Mark("line", VegaLite.Ink)),
        };
        var height = options.Height ?? DefaultHeight;
        var (targetBelow, englandBelow) = ReferenceLabelsBelow(rows, target, england, lo, hi, height);
        if (target is { } t)
        {
            foreach (var l in VegaLite.ReferenceLine("target", t, $"Target {options.Text(unit, t)}", "#00703C", null,
                labelBelow: targetBelow)) layers.Add(l);
        }
        if (england is { } e)
        {
            foreach (var l in VegaLite.ReferenceLine("england", e, $"England {options.Text(unit, e)}", VegaLite.Ink, new JsonArray(1, 3), labelAtStart: true,
                labelBelow: englandBelow)) layers.Add(l);
        }
        foreach (var l in PhaseBoundaries(spc)) layers.Add(l);
        layers.Add(Line("values", "value", values, perPhase: false));
        layers.Add(Points(rows, polarity, Y("value")));

        var spec = VegaLite.Spec(description, VegaLite.Width(options), height, VegaLite.Data(data));
        spec["layer"] = layers;
        return new ChartSpec("spc-" + VegaLite.Slug(title), title, VegaLite.Write(spec), description, table);

        string Opt(decimal? v) => v is null ? "" : options.Text(unit, v);
    }

    /// <summary>"January 2024", or "March 2025 (New locality teams)" for a phase after a recorded change.</summary>
    private static string LimitsFrom(SpcResult spc, SpcPoint p)
    {
        if (p.Phase >= spc.Phases.Count) return "";
        var phase = spc.Phases[p.Phase];
        var start = VegaLite.Long(phase.Start);
        return !phase.HasLimits ? $"{start} (too few months for limits)"
            : phase.Reason == PhaseStart.FirstMonth ? start : $"{start} ({phase.Label})";
    }

    /// <summary>
    /// A dotted vertical rule half way between the last month of a phase and the first of the next, with its label at the
    /// top of the plot: the recorded change's words, or "Limits recalculated". Labels of close boundaries alternate between
    /// two lines so they do not print over each other.
    /// </summary>
    private static IEnumerable<JsonObject> PhaseBoundaries(SpcResult spc)
    {
        if (spc.Phases.Count < 2) yield break;
        var marks = new JsonArray();
        for (var i = 1; i < spc.Phases.Count; i++)
        {
            var before = spc.Phases[i - 1].End.First;
            var start = spc.Phases[i].Start.First;
            var middle = before.AddDays((start.DayNumber - before.DayNumber) / 2);
            marks.Add(new JsonObject
            {
                // Milliseconds since 1970 in UTC, Vega's own time value: no date text to parse in the browser.
                ["at"] = new DateTimeOffset(middle.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(),
                ["date"] = middle.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["label"] = spc.Phases[i].Label,
                ["line"] = (i - 1) % 2,
                ["why"] = $"From {VegaLite.Long(spc.Phases[i].Start)}: {spc.Phases[i].Why}",
            });
        }
        var data = new JsonObject { ["values"] = marks };
        JsonObject X() => new() { ["field"] = "at", ["type"] = "temporal" };
        yield return new JsonObject
        {
            ["name"] = "phase-boundaries",
            ["data"] = data,
            ["mark"] = VegaLite.Mark("rule", VegaLite.Ink, new JsonArray(2, 2), 1.25),
            ["encoding"] = new JsonObject { ["x"] = X(), ["tooltip"] = new JsonArray(VegaLite.TextTooltip("why", "Limits recalculated")) },
        };
        // Text placed in pixels from the top of the plot (a y field would join the value axis's scale).
        foreach (var line in new[] { 0, 1 })
        {
            var these = marks.Where(m => (int)m!["line"]! == line).Select(m => m!.DeepClone()).ToArray();
            if (these.Length == 0) continue;
            yield return new JsonObject
            {
                ["name"] = line == 0 ? "phase-labels" : "phase-labels-2",
                ["data"] = new JsonObject { ["values"] = new JsonArray(these) },
                ["mark"] = new JsonObject
                {
                    ["type"] = "text", ["align"] = "left", ["baseline"] = "top", ["dx"] = 3, ["y"] = 2 + (14 * line),
                    ["color"] = VegaLite.Text, ["fontSize"] = 11, ["limit"] = 150,
                },
                ["encoding"] = new JsonObject { ["x"] = X(), ["text"] = new JsonObject { ["field"] = "label" } },
            };
        }
    }

    /// <summary>Every month from the first point to the last; a month with no point is a gap.</summary>
    internal static List<(Month Month, SpcPoint? Point)> Rows(SpcResult spc)
    {
        if (spc.Points.Count == 0) return [];
        var byMonth = spc.Points.ToDictionary(p => p.Month);
        return Month.Range(spc.Points[0].Month, spc.Points[^1].Month)
            .Select(m => (m, byMonth.TryGetValue(m, out var p) ? p : null)).ToList();
    }

    /// <summary>Pixels a reference label takes beside its line: 11px text, 3px from the line.</summary>
    private const int LabelPixels = 14;

    /// <summary>
    /// Whether the target's and England's labels go under their lines rather than over them. England's label is
    /// printed at the left end of its line and the target's at the right, each over the first or last quarter of
    /// the months. A label goes under when those months are mostly above its line (so the data does not run
    /// through the text) or when there is no room above, but only when there is room below inside the plot (a label
    /// pushed under the lowest line would print over the month axis). When the two lines are closer than a label
    /// is tall, a label between them would sit on the other line, so the upper line's label goes over and the
    /// lower's under wherever there is room for that.
    /// </summary>
    public static (bool TargetBelow, bool EnglandBelow) ReferenceLabelsBelow(IReadOnlyList<(Month Month, SpcPoint? Point)> rows,
        decimal? target, decimal? england, decimal domainLower, decimal domainUpper, int plotHeight)
    {
        var span = domainUpper - domainLower;
        if (span <= 0 || plotHeight <= 0) return (false, false);
        var room = span * LabelPixels / plotHeight;
        bool RoomBelow(decimal v) => v - domainLower >= room;
        bool RoomAbove(decimal v) => domainUpper - v >= room;
        bool ByTheData(decimal v, bool atStart)
        {
            var quarter = Math.Max(1, (rows.Count + 3) / 4);
            var under = (atStart ? rows.Take(quarter) : rows.Skip(rows.Count - quarter))
                .Where(r => r.Point is not null).Select(r => r.Point!.Value).ToList();
            var mostlyAbove = under.Count > 0 && under.Count(x => x > v) * 2 > under.Count;
            return RoomBelow(v) && (mostlyAbove || !RoomAbove(v));
        }

        if (target is { } t && england is { } e && t != e && Math.Abs(t - e) < room)
        {
            // Close lines: the upper label goes over (under only if there is no room over), the lower under if it fits.
            var targetUpper = t > e;
            return (targetUpper ? !RoomAbove(t) : RoomBelow(t), targetUpper ? RoomBelow(e) : !RoomAbove(e));
        }
        return (target is { } tt && ByTheData(tt, atStart: false), england is { } ee && ByTheData(ee, atStart: true));
    }

    private static readonly (string Category, string Colour, string Shape)[] Legend =
    [
        ("Usual variation", VegaLite.Grey, "circle"),
        ("Improvement", VegaLite.Blue, "diamond"),
        ("Concern", VegaLite.Orange, "square"),
        ("Higher than usual", VegaLite.Purple, "triangle-up"),
        ("Lower than usual", VegaLite.Purple, "triangle-down"),
    ];

    internal static string Category(SpcPoint p, Polarity polarity) => p.Signal switch
    {
        null => "Usual variation",
        { } s when polarity == Polarity.Neither => s == SignalDirection.High ? "Higher than usual" : "Lower than usual",
        { } s => (s == SignalDirection.High) == (polarity == Polarity.HigherIsBetter) ? "Improvement" : "Concern",
    };

    private static JsonObject Points(List<(Month Month, SpcPoint? Point)> rows, Polarity polarity, JsonObject y)
    {
        var present = rows.Where(r => r.Point is not null).Select(r => Category(r.Point!, polarity)).ToHashSet();
        var used = Legend.Where(l => present.Contains(l.Category)).ToList();
        JsonObject Channel(Func<(string, string Colour, string Shape), string> pick) => new()
        {
            ["field"] = "signal", ["type"] = "nominal", ["title"] = "Variation",
            ["scale"] = new JsonObject
            {
                ["domain"] = new JsonArray(used.Select(u => (JsonNode?)u.Category).ToArray()),
                ["range"] = new JsonArray(used.Select(u => (JsonNode?)pick(u)).ToArray()),
            },
        };
        return new JsonObject
        {
            ["name"] = "points",
            ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 55, ["opacity"] = 1 },
            ["encoding"] = new JsonObject
            {
                ["x"] = VegaLite.MonthX(),
                ["y"] = y,
                ["color"] = Channel(u => u.Colour),
                ["shape"] = Channel(u => u.Shape),
                ["tooltip"] = new JsonArray(VegaLite.MonthTooltip(), VegaLite.TextTooltip("valueText", "Value"),
                    VegaLite.TextTooltip("meanText", "Average"), VegaLite.TextTooltip("lowerText", "Lower limit"),
                    VegaLite.TextTooltip("upperText", "Upper limit"), VegaLite.TextTooltip("signal", "Variation")),
            },
        };
    }
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using ScottPlot;

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
    public const int DefaultWidth = 720;
    public const int DefaultHeight = 340;

    public static ChartSpec Build(string title, SpcResult spc, IndicatorUnit unit, Polarity polarity, decimal? target, decimal? england,
        ChartOptions? options = null, Month? through = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(spc);
        options ??= ChartOptions.Default;
        var rows = Rows(spc, through);
        var description = SpcText.Describe(title, spc, rows, unit, target, england, options);
        var table = new DataTable($"{title}: monthly values with the average and limits",
            ["Month", "Value", "Average", "Lower limit", "Upper limit", "Limits from", "Variation"],
            rows.Select(r => (IReadOnlyList<string>)[ChartStyle.Long(r.Month), options.Text(unit, r.Point?.Value), Opt(r.Point?.Mean),
                Opt(r.Point?.Lower), Opt(r.Point?.Upper), r.Point is { } p ? LimitsFrom(spc, p) : "",
                r.Point is { } q ? SpcText.Meaning(q, polarity) : ""]).ToList());
        var id = "spc-" + ChartStyle.Slug(title);
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? DefaultHeight;
        var drawing = new ChartDrawing(id, () => Draw(spc, rows, unit, polarity, target, england, options, width, height), width, height);
        return new ChartSpec(id, title, description, table, drawing);

        string Opt(decimal? v) => v is null ? "" : options.Text(unit, v);
    }

    private static Plot Draw(SpcResult spc, List<(Month Month, SpcPoint? Point)> rows, IndicatorUnit unit, Polarity polarity, decimal? target,
        decimal? england, ChartOptions options, int width, int height)
    {
        var plot = ChartStyle.NewPlot();
        var extent = rows.Where(r => r.Point is not null)
            .SelectMany(r => new[] { r.Point!.Value, r.Point.Mean, r.Point.Upper ?? r.Point.Value, r.Point.Lower ?? r.Point.Value })
            .Concat(new[] { target, england }.OfType<decimal>());
        var (lo, hi) = ChartStyle.Domain(extent, unit);
        var (yLo, yHi) = ChartStyle.ValueTicks(plot.Axes.Left, lo, hi, unit);
        plot.YLabel(options.AxisTitle(unit));
        ChartStyle.MonthTicks(plot.Axes.Bottom, rows.Select(r => r.Month).ToList(), width - ChartStyle.AxisAllowance);
        var (xLo, xHi) = (-0.6, Math.Max(1, rows.Count) - 0.4);
        plot.Axes.SetLimits(xLo, xHi, yLo - ChartStyle.MarkerRoom(yLo, yHi), yHi + ChartStyle.MarkerRoom(yLo, yHi));

        // Mean and limits: one stepped segment per phase and per run of months with limits, never joined to the next.
        foreach (var phase in rows.Select((r, i) => (r.Point, i)).Where(x => x.Point is not null).GroupBy(x => x.Point!.Phase))
        {
            Steps(plot, phase.Select(x => (x.i, x.Point!.Upper)).ToList(), ChartStyle.Ink, 1.25f, LinePattern.Dashed);
            Steps(plot, phase.Select(x => (x.i, x.Point!.Lower)).ToList(), ChartStyle.Ink, 1.25f, LinePattern.Dashed);
            Steps(plot, phase.Select(x => (x.i, (decimal?)x.Point!.Mean)).ToList(), ChartStyle.Ink, 1.5f, LinePattern.Solid);
        }
        if (target is { } t) plot.Add.HorizontalLine((double)t, 1.5f, ChartStyle.Green, LinePattern.Solid);
        if (england is { } e) plot.Add.HorizontalLine((double)e, 1.5f, ChartStyle.Ink, LinePattern.Dotted);
        var boundaries = Boundaries(spc, rows);
        foreach (var b in boundaries) plot.Add.VerticalLine(b.X, 1.25f, ChartStyle.Ink, LinePattern.Dotted);
        foreach (var (xs, ys) in ChartStyle.Runs(rows.Select(r => r.Point?.Value).ToList())) ChartStyle.Line(plot, xs, ys, ChartStyle.Grey, 2);
        var present = new HashSet<string>();
        foreach (var group in rows.Select((r, i) => (r.Point, i)).Where(x => x.Point is not null).GroupBy(x => Category(x.Point!, polarity)))
        {
            var style = Legend.Single(l => l.Category == group.Key);
            plot.Add.Markers(group.Select(x => (double)x.i).ToArray(), group.Select(x => (double)x.Point!.Value).ToArray(), style.Shape, 9, style.Colour);
            present.Add(group.Key);
        }
        ChartStyle.LegendBelow(plot, Legend.Where(l => present.Contains(l.Category))
            .Select(l => ChartStyle.LegendEntry(l.Category, l.Colour, l.Shape))
            .Append(ChartStyle.LegendEntry("Average", ChartStyle.Ink, MarkerShape.None, LinePattern.Solid))
            .Append(ChartStyle.LegendEntry("Limits", ChartStyle.Ink, MarkerShape.None, LinePattern.Dashed)));

        // Labels go where the drawn layout leaves room: the data area is known only after a first render. The rule judges
        // by the run of the data; ReferenceLabels then keeps each label off every point and every other label.
        (string Text, double X, int Line) BoundaryText((double X, string Label, int Line) b) =>
            (b.Label.Length > 28 ? b.Label[..27].TrimEnd() + "\u2026" : b.Label, b.X, b.Line);
        var phaseLabels = boundaries.Select(BoundaryText).ToList();
        // Labels of close boundaries alternate between two lines; one near the right edge reads leftwards from its line.
        bool Leftwards(PixelRect area, (string Text, double X, int Line) b) => area.Right - plot.GetPixel(new Coordinates(b.X, yHi)).X <= b.Text.Length * 7.5 + 6;
        var area = ReferenceLabels.Draw(plot, width, height,
            a =>
            {
                var (targetBelow, englandBelow) = ReferenceLabelsBelow(rows, target, england, (decimal)yLo, (decimal)yHi, (int)a.Height);
                var list = new List<ReferenceLabel>();
                if (target is { } t1) list.Add(new ReferenceLabel($"Target {options.Text(unit, t1)}", (double)t1, true, targetBelow, ChartStyle.Green, LinePattern.Solid));
                if (england is { } e1) list.Add(new ReferenceLabel($"England {options.Text(unit, e1)}", (double)e1, false, englandBelow, ChartStyle.Ink, LinePattern.Dotted));
                return list;
            },
            () => [.. rows.Select((r, i) => (r.Point, i)).Where(x => x.Point is not null)
                .Select(x => plot.GetPixel(new Coordinates(x.i, (double)x.Point!.Value)))],
            a => [.. phaseLabels.Select(b =>
            {
                var x = plot.GetPixel(new Coordinates(b.X, yHi)).X;
                var left = Leftwards(a, b);
                return ReferenceLabels.TopLabel(b.Text, left ? x - 3 : x + 3, a.Top + 3 + 16 * b.Line, left, 11);
            })]);
        foreach (var b in phaseLabels)
        {
            var left = Leftwards(area, b);
            ChartStyle.Label(plot, b.Text, b.X, yHi, left ? Alignment.UpperRight : Alignment.UpperLeft, left ? -3 : 3, 3 + 16 * b.Line, size: 11);
        }
        return plot;
    }

    /// <summary>A stepped line holding each month's value for the month's width, broken where a month has none.</summary>
    private static void Steps(Plot plot, List<(int Index, decimal? Value)> points, Color colour, float width, LinePattern pattern)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        void Flush()
        {
            if (xs.Count > 0) ChartStyle.Line(plot, xs.ToArray(), ys.ToArray(), colour, width, pattern);
            xs.Clear();
            ys.Clear();
        }
        var previous = int.MinValue;
        foreach (var (i, value) in points)
        {
            if (value is null || i != previous + 1) Flush();
            previous = i;
            if (value is not { } v) continue;
            xs.AddRange([i - 0.5, i + 0.5]);
            ys.AddRange([(double)v, (double)v]);
        }
        Flush();
    }

    /// <summary>"January 2024", or "March 2025 (New locality teams)" for a phase after a recorded change.</summary>
    private static string LimitsFrom(SpcResult spc, SpcPoint p)
    {
        if (p.Phase >= spc.Phases.Count) return "";
        var phase = spc.Phases[p.Phase];
        var start = ChartStyle.Long(phase.Start);
        return !phase.HasLimits ? $"{start} (too few months for limits)"
            : phase.Reason == PhaseStart.FirstMonth ? start : $"{start} ({phase.Label})";
    }

    /// <summary>
    /// Where the limits were recalculated: half way between the last month of a phase and the first of the next, with the
    /// recorded change's words or "Limits recalculated"; labels of successive boundaries alternate between two lines.
    /// </summary>
    private static List<(double X, string Label, int Line)> Boundaries(SpcResult spc, List<(Month Month, SpcPoint? Point)> rows)
    {
        var index = rows.Select((r, i) => (r.Month, i)).ToDictionary(x => x.Month, x => x.i);
        var list = new List<(double, string, int)>();
        for (var i = 1; i < spc.Phases.Count; i++)
        {
            if (!index.TryGetValue(spc.Phases[i - 1].End, out var before) || !index.TryGetValue(spc.Phases[i].Start, out var start)) continue;
            list.Add(((before + start) / 2.0, spc.Phases[i].Label, (i - 1) % 2));
        }
        return list;
    }

    /// <summary>
    /// Every month from the first point to the last, or to <paramref name="through"/> (the month the page or pack is
    /// about) when that is later; a month with no point is a gap. Without it, a councillor's chart whose latest months
    /// are hidden as small numbers would stop months early and look as if nothing had happened since.
    /// </summary>
    internal static List<(Month Month, SpcPoint? Point)> Rows(SpcResult spc, Month? through = null)
    {
        if (spc.Points.Count == 0) return [];
        var byMonth = spc.Points.ToDictionary(p => p.Month);
        var last = through is { } t && t > spc.Points[^1].Month ? t : spc.Points[^1].Month;
        return Month.Range(spc.Points[0].Month, last)
            .Select(m => (m, byMonth.TryGetValue(m, out var p) ? p : null)).ToList();
    }

    /// <summary>Pixels a reference label takes beside its line: 12 px text, 3 px from the line.</summary>
    private const int LabelPixels = 17;

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

    private static readonly (string Category, Color Colour, MarkerShape Shape)[] Legend =
    [
        ("Usual variation", ChartStyle.Grey, MarkerShape.FilledCircle),
        ("Improvement", ChartStyle.Blue, MarkerShape.FilledDiamond),
        ("Concern", ChartStyle.Orange, MarkerShape.FilledSquare),
        ("Higher than usual", ChartStyle.Purple, MarkerShape.FilledTriangleUp),
        ("Lower than usual", ChartStyle.Purple, MarkerShape.FilledTriangleDown),
    ];

    internal static string Category(SpcPoint p, Polarity polarity) => p.Signal switch
    {
        null => "Usual variation",
        { } s when polarity == Polarity.Neither => s == SignalDirection.High ? "Higher than usual" : "Lower than usual",
        { } s => (s == SignalDirection.High) == (polarity == Polarity.HigherIsBetter) ? "Improvement" : "Concern",
    };
}

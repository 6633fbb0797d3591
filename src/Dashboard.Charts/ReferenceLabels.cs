using ScottPlot;

namespace Dashboard.Charts;

/// <summary>A box a label takes, in pixels from the figure's top left.</summary>
internal readonly record struct LabelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>A marker's radius, so a label clears the whole marker and not only its centre.</summary>
    public const double MarkerRadius = 5;

    public bool Overlaps(LabelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Covers(Pixel point) =>
        point.X + MarkerRadius >= Left && point.X - MarkerRadius <= Right && point.Y + MarkerRadius >= Top && point.Y - MarkerRadius <= Bottom;

    public bool Crosses(double lineY) => lineY > Top && lineY < Bottom;

    /// <summary>Whether the segment from <paramref name="a"/> to <paramref name="b"/> passes through the box's inside
    /// (a line along its edge does not): the segment is clipped to the box (Liang-Barsky) and crosses if any of it is left.</summary>
    public bool Crosses(Pixel a, Pixel b)
    {
        double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        foreach (var (p, q) in new[] { (-dx, a.X - Left), (dx, Right - a.X), (-dy, a.Y - Top), (dy, Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q <= 0) return false;
                continue;
            }
            var t = q / p;
            if (p < 0) t0 = Math.Max(t0, t);
            else t1 = Math.Min(t1, t);
            if (t0 >= t1) return false;
        }
        return true;
    }
}

/// <summary>A straight piece of a line drawn in the data area, in pixels: a limit's step, a stretch of the data line.</summary>
internal readonly record struct LineSegment(Pixel From, Pixel To);

/// <summary>A horizontal reference line's label ("Target 85.0%"), and where the chart's rules would put it first.</summary>
/// <param name="AtRight">Printed at the line's right end (the target) rather than its left (England).</param>
/// <param name="PreferBelow">Under the line rather than over it, by the chart's own rule (<see cref="SpcChart.ReferenceLabelsBelow"/>).</param>
/// <param name="Colour">The line's colour and pattern, for its legend entry when no place on the chart is free.</param>
internal sealed record ReferenceLabel(string Text, double Value, bool AtRight, bool PreferBelow, Color Colour, LinePattern Pattern);

/// <summary>
/// Places the labels of horizontal reference lines (target, England) where they cover no data point and no other label.
/// The chart's rules choose the first place: the line's end, on the side the data leaves clear. When a point sits there
/// the label takes the other side of its line if that is clear; when neither side at the end is clear, it slides along
/// its line, away from the end, to the nearest place clear on either side; and when the points crowd the whole line,
/// the label goes into the legend under the chart, beside a sample of the line, so it covers nothing. A label never
/// crosses the other reference line or any other line drawn in the data area (the limits, the average, the data line,
/// a phase boundary), and never leaves the data area.
/// </summary>
internal static class ReferenceLabels
{
    /// <summary>Width a 12 px DejaVu Sans character takes at most (errs wide), and the padding either side.</summary>
    private const double CharWidth = 7.6;
    private const double Padding = 3;
    private const double Height = 19;
    private const double Step = 6;

    /// <summary>
    /// Lays out <paramref name="plot"/>, places each label from <paramref name="labels"/> (asked again after any re-layout,
    /// as the rules depend on the data area's height) clear of <paramref name="points"/> and of <paramref name="fixedLabels"/>,
    /// adds the labels to the plot and returns the final data area. <paramref name="labels"/>' order is the order of choice.
    /// </summary>
    public static PixelRect Draw(Plot plot, int width, int height, Func<PixelRect, IReadOnlyList<ReferenceLabel>> labels,
        Func<IReadOnlyList<Pixel>> points, Func<PixelRect, IReadOnlyList<LabelBox>> fixedLabels)
    {
        var inLegend = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var area = ChartLayout.DataArea(plot, width, height);
            var list = labels(area).Where(l => !inLegend.Contains(l.Text)).ToList();
            var taken = fixedLabels(area).ToList();
            var at = points();
            var lines = Segments(plot, area);
            var placed = new List<(ReferenceLabel Label, LabelBox Box, bool Below)>();
            ReferenceLabel? crowded = null;
            foreach (var label in list)
            {
                var lineY = plot.GetPixel(new Coordinates(0, label.Value)).Y;
                var others = list.Where(o => o != label).Select(o => (double)plot.GetPixel(new Coordinates(0, o.Value)).Y).ToList();
                if (Place(label.Text, area, lineY, label.AtRight, label.PreferBelow, at, taken, others, lines) is not { } spot)
                {
                    crowded = label;
                    break;
                }
                taken.Add(spot.Box);
                placed.Add((label, spot.Box, spot.Below));
            }
            if (crowded is not null)
            {
                // A new legend entry can take another row and move the data area: lay out and place everything again.
                inLegend.Add(crowded.Text);
                var entry = ChartStyle.LegendEntry(crowded.Text, crowded.Colour, MarkerShape.None, crowded.Pattern);
                if (plot.Legend.ManualItems.Count > 0) plot.Legend.ManualItems.Add(entry);
                else ChartStyle.LegendBelow(plot, [entry]);
                // The legend's panel is measured from its last drawing: draw once with the new entry before laying out again.
                ChartLayout.DataArea(plot, width, height);
                continue;
            }
            foreach (var (label, box, below) in placed)
            {
                var lineY = plot.GetPixel(new Coordinates(0, label.Value)).Y;
                var x = label.AtRight ? box.Right - Padding : box.Left + Padding;
                var alignment = (label.AtRight, below) switch
                {
                    (true, true) => Alignment.UpperRight,
                    (true, false) => Alignment.LowerRight,
                    (false, true) => Alignment.UpperLeft,
                    (false, false) => Alignment.LowerLeft,
                };
                ChartStyle.Label(plot, label.Text, plot.GetCoordinates(new Pixel((float)x, lineY)).X, label.Value, alignment, 0, below ? 3 : -3);
            }
            return area;
        }
    }

    /// <summary>
    /// The first clear place for a label on the line at pixel <paramref name="lineY"/>: from the line's end along it in
    /// small steps, at each step the preferred side first. Null when there is none inside the data area.
    /// </summary>
    public static (LabelBox Box, bool Below)? Place(string text, PixelRect area, double lineY, bool atRight, bool preferBelow,
        IReadOnlyList<Pixel> points, IReadOnlyList<LabelBox> taken, IReadOnlyList<double> otherLines, IReadOnlyList<LineSegment>? lines = null)
    {
        lines ??= [];
        var width = text.Length * CharWidth + 2 * Padding;
        var travel = area.Width - width;
        for (var moved = 0.0; moved <= travel; moved += Step)
        {
            var left = atRight ? area.Right - width - moved : area.Left + moved;
            foreach (var below in new[] { preferBelow, !preferBelow })
            {
                var box = below ? new LabelBox(left, lineY + 1, left + width, lineY + 1 + Height) : new LabelBox(left, lineY - 1 - Height, left + width, lineY - 1);
                if (box.Top < area.Top || box.Bottom > area.Bottom) continue;
                if (points.Any(box.Covers) || taken.Any(box.Overlaps) || otherLines.Any(box.Crosses) || lines.Any(l => box.Crosses(l.From, l.To))) continue;
                return (box, below);
            }
        }
        return null;
    }

    /// <summary>
    /// Every straight piece of every visible line the plot draws in <paramref name="area"/>, in pixels (after a layout):
    /// scatter lines (limits and average steps, the data line) and horizontal and vertical reference lines. A line of no
    /// length (<see cref="ChartStyle.ClearLinePattern"/>) draws nothing and is left out.
    /// </summary>
    public static IReadOnlyList<LineSegment> Segments(Plot plot, PixelRect area)
    {
        var list = new List<LineSegment>();
        void Add(Coordinates a, Coordinates b)
        {
            var (p, q) = (plot.GetPixel(a), plot.GetPixel(b));
            if (p.X != q.X || p.Y != q.Y) list.Add(new LineSegment(p, q));
        }
        foreach (var plottable in plot.GetPlottables().Where(p => p.IsVisible))
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Scatter scatter when scatter.LineWidth > 0:
                    var xy = scatter.Data.GetScatterPoints();
                    for (var i = 1; i < xy.Count; i++) Add(xy[i - 1], xy[i]);
                    break;
                case ScottPlot.Plottables.HorizontalLine h when h.LineWidth > 0:
                    var y = plot.GetPixel(new Coordinates(0, h.Y)).Y;
                    list.Add(new LineSegment(new Pixel(area.Left, y), new Pixel(area.Right, y)));
                    break;
                case ScottPlot.Plottables.VerticalLine v when v.LineWidth > 0:
                    var x = plot.GetPixel(new Coordinates(v.X, 0)).X;
                    list.Add(new LineSegment(new Pixel(x, area.Top), new Pixel(x, area.Bottom)));
                    break;
            }
        }
        return list;
    }

    /// <summary>The box of a label drawn by <see cref="ChartStyle.Label"/> at pixel (x, top) with upper-left or upper-right alignment.</summary>
    public static LabelBox TopLabel(string text, double x, double top, bool leftwards, double size)
    {
        var width = text.Length * size * 0.63 + 2 * Padding;
        return leftwards ? new LabelBox(x - width, top, x, top + size + 4) : new LabelBox(x, top, x + width, top + size + 4);
    }
}

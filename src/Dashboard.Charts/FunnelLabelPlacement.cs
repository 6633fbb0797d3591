using ScottPlot;

namespace Dashboard.Charts;

/// <summary>Where a funnel plot's name label sits around its point.</summary>
public enum LabelSide { Right, Left, Above, Below, AboveLeft, BelowLeft }

/// <summary>
/// Chooses a side for each labelled point of a funnel plot so that no two names print over each other. Teams of
/// similar size and rate sit close together (two front-door teams with 4,951 and 4,760 referrals and rates of 4.1%
/// and 3.8%), and ScottPlot has no label layout of its own, so the sides are chosen here from where each point lands
/// in pixels: the first side whose box is free of earlier labels, other points and fixed labels and inside the plot.
/// A point with no free side gets no label (a crowd of workers round the council rate): a name printed over another
/// or over a point helps nobody, and the chart's description and table name every unit outside the limits. Text
/// widths are estimated; the estimate errs wide.
/// </summary>
public static class FunnelLabelPlacement
{
    /// <summary>Average width of a character of the chart's 12 px DejaVu Sans, generous so boxes err apart.</summary>
    public const double CharWidth = 7.6;

    public const double LineHeight = 16;

    /// <summary>Gap between a point and its label, as the text mark's dx and dy.</summary>
    public const double Gap = 7;

    private static readonly LabelSide[] Preference = [LabelSide.Right, LabelSide.Left, LabelSide.Above, LabelSide.Below, LabelSide.AboveLeft, LabelSide.BelowLeft];

    /// <param name="points">Each label's text and its point in pixels from the plot's top left corner.</param>
    /// <param name="width">Plot width in pixels.</param>
    /// <param name="height">Plot height in pixels.</param>
    /// <param name="fixedLabels">Text already on the plot (the council line's label) as left, top, right, bottom in pixels.</param>
    /// <returns>A side for each point, in the order given; null for a point whose name has no free side.</returns>
    public static IReadOnlyList<LabelSide?> Choose(IReadOnlyList<(string Text, double X, double Y)> points, double width, double height,
        IEnumerable<(double Left, double Top, double Right, double Bottom)>? fixedLabels = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var placed = (fixedLabels ?? []).Select(b => new Box(b.Left, b.Top, b.Right, b.Bottom)).ToList();
        // The points themselves are obstacles too: a name printed over another team's marker hides it.
        var markers = points.Select(p => new Box(p.X - 4, p.Y - 4, p.X + 4, p.Y + 4)).ToList();
        var sides = new LabelSide?[points.Count];
        // Left to right, so the usual outcome (everything to the right) is also what an unconstrained layout gives.
        foreach (var i in Enumerable.Range(0, points.Count).OrderBy(i => points[i].X).ThenBy(i => points[i].Y))
        {
            var (text, x, y) = points[i];
            var best = Preference
                .Select((side, rank) => (side, rank, box: BoxFor(side, text, x, y)))
                .Select(c => (c.side, c.rank, cost: Overlap(c.box, placed) + Overlap(c.box, markers.Where((_, m) => m != i)) + Outside(c.box, width, height)))
                .OrderBy(c => c.cost).ThenBy(c => c.rank)
                .First();
            if (best.cost > 0) continue;
            sides[i] = best.side;
            placed.Add(BoxFor(best.side, text, x, y));
        }
        return sides;
    }

    /// <summary>The text alignment and pixel offsets that put a label on <paramref name="side"/> of its point.</summary>
    public static (Alignment Align, double Dx, double Dy) MarkFor(LabelSide side) => side switch
    {
        LabelSide.Right => (Alignment.MiddleLeft, Gap, 0),
        LabelSide.Left => (Alignment.MiddleRight, -Gap, 0),
        LabelSide.Above => (Alignment.LowerCenter, 0, -Gap),
        LabelSide.Below => (Alignment.UpperCenter, 0, Gap),
        LabelSide.AboveLeft => (Alignment.LowerRight, Gap / 2, -Gap),
        _ => (Alignment.UpperRight, Gap / 2, Gap),
    };

    private static Box BoxFor(LabelSide side, string text, double x, double y)
    {
        var w = text.Length * CharWidth;
        var h = LineHeight;
        return side switch
        {
            LabelSide.Right => new Box(x + Gap, y - h / 2, x + Gap + w, y + h / 2),
            LabelSide.Left => new Box(x - Gap - w, y - h / 2, x - Gap, y + h / 2),
            LabelSide.Above => new Box(x - w / 2, y - Gap - h, x + w / 2, y - Gap),
            LabelSide.Below => new Box(x - w / 2, y + Gap, x + w / 2, y + Gap + h),
            LabelSide.AboveLeft => new Box(x + Gap / 2 - w, y - Gap - h, x + Gap / 2, y - Gap),
            _ => new Box(x + Gap / 2 - w, y + Gap, x + Gap / 2, y + Gap + h),
        };
    }

    private static double Overlap(Box box, IEnumerable<Box> others) => others.Sum(o =>
        Math.Max(0, Math.Min(box.Right, o.Right) - Math.Max(box.Left, o.Left)) * Math.Max(0, Math.Min(box.Bottom, o.Bottom) - Math.Max(box.Top, o.Top)));

    /// <summary>Area outside the plot, weighted as an overlap: text past the edge of the data is clipped away, which hides
    /// a name as surely as printing another over it.</summary>
    private static double Outside(Box box, double width, double height)
    {
        var inside = new Box(0, 0, width, height);
        var area = (box.Right - box.Left) * (box.Bottom - box.Top);
        return area - Overlap(box, [inside]);
    }

    private readonly record struct Box(double Left, double Top, double Right, double Bottom);
}

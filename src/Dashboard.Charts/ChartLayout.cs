using ScottPlot;

namespace Dashboard.Charts;

/// <summary>Where a plot's data area lands once ScottPlot has laid out its axes and legend.</summary>
internal static class ChartLayout
{
    /// <summary>
    /// Renders <paramref name="plot"/> once off screen and returns its data area in pixels from the figure's top left,
    /// so labels can be placed from real positions (<see cref="Plot.GetPixel(Coordinates)"/> works after this) rather
    /// than estimates. Call it after the axes, limits and legend are set; text added inside the data area afterwards
    /// does not move the layout.
    /// </summary>
    public static PixelRect DataArea(Plot plot, int width, int height)
    {
        plot.RenderInMemory(width, height);
        return plot.RenderManager.LastRender.DataRect;
    }

    /// <summary>
    /// Whether a label of <paramref name="text"/> at a horizontal line's end (<paramref name="atRight"/>: its right end),
    /// over or under the line at pixel <paramref name="lineY"/>, would cover any of <paramref name="points"/> (pixels).
    /// The box errs wide: 7.6 px a character, 16 px tall, 3 px from the line, and a marker's 5 px radius around each point.
    /// </summary>
    public static bool LabelCoversPoint(string text, PixelRect area, float lineY, bool atRight, bool below, IEnumerable<Pixel> points)
    {
        var width = text.Length * 7.6 + 6;
        var (left, right) = atRight ? (area.Right - width, (double)area.Right) : (area.Left, area.Left + width);
        var (top, bottom) = below ? (lineY + 1.0, lineY + 20.0) : (lineY - 20.0, lineY - 1.0);
        return points.Any(p => p.X + 5 >= left && p.X - 5 <= right && p.Y + 5 >= top && p.Y - 5 <= bottom);
    }
}

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
}

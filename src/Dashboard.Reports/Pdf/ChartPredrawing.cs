using Dashboard.Charts;

namespace Dashboard.Reports.Pdf;

/// <summary>
/// Draws a pack's charts before its print page is rendered. Each chart draws itself on first use, and Razor renders on
/// one thread, so a pack of two dozen charts would draw them one after another; drawn here on every core instead (each
/// drawing is independent and builds its own plots, so it is safe to draw them side by side).
/// </summary>
internal static class ChartPredrawing
{
    public static void DrawAll(IEnumerable<ChartSpec?> charts) =>
        Parallel.ForEach(charts.OfType<ChartSpec>(), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c => _ = c.Svg);
}

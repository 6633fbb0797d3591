using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using ScottPlot;

namespace Dashboard.Charts;

/// <summary>
/// A funnel plot: each unit's size (x) against its rate (y), the council's rate as a line, and the 95% (dashed)
/// and 99.8% (solid) limits from <see cref="FunnelPlot.Limits"/> drawn as curves that narrow as size grows.
/// Units outside the 99.8% limits are labelled with their name, on whichever side keeps names apart
/// (<see cref="FunnelLabelPlacement"/>), where there is a free side; the description names them all. Core keeps rates as proportions (0 to 1); the
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
    /// <param name="centreName">What <paramref name="centre"/> is the rate of (the council's when not given).</param>
    public static ChartSpec Build(string title, IReadOnlyList<(string Label, FunnelPoint Point)> units, decimal centre, IndicatorUnit unit,
        string sizeTitle = "Number counted", string noun = "teams", ChartOptions? options = null, FunnelCentre? centreName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(centre, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(centre, 1m);
        options ??= ChartOptions.Default;
        centreName ??= FunnelCentre.Council;
        var scale = unit == IndicatorUnit.Percent ? 100m : 1m;
        string Text(decimal proportion) => options.Text(unit, proportion * scale);
        string Range(decimal lower, decimal upper) => $"{Text(lower)} to {Text(upper)}";

        var description = Describe(title, units, centre, noun, Text, centreName);
        var table = new DataTable($"{title}: each unit's rate and funnel limits around {Text(centre)}",
            ["Name", "Numerator", "Denominator", "Rate", "95% limits", "99.8% limits", "Position"],
            units.Select(u => (IReadOnlyList<string>)[u.Label, u.Point.Numerator.ToString(CultureInfo.InvariantCulture),
                u.Point.Denominator.ToString(CultureInfo.InvariantCulture), Text(u.Point.Rate),
                Range(u.Point.Lower95, u.Point.Upper95), Range(u.Point.Lower998, u.Point.Upper998), Detail(u.Point)]).ToList());
        var id = "funnel-" + ChartStyle.Slug(title);
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? DefaultHeight;
        var centreLabel = $"{centreName.Label} {Text(centre)}";
        return new ChartSpec(id, title, description, table,
            new ChartDrawing(id, () => Draw(units, centre, unit, sizeTitle, options, centreLabel, width, height), width, height));
    }

    public const int DefaultWidth = 720;

    private static readonly (string Name, Color Colour, MarkerShape Shape)[] Positions =
    [
        ("Within 95% limits", ChartStyle.Grey, MarkerShape.FilledCircle),
        ("Outside 95% limits", ChartStyle.Blue, MarkerShape.FilledSquare),
        ("Outside 99.8% limits", ChartStyle.Purple, MarkerShape.FilledDiamond),
    ];

    private static Plot Draw(IReadOnlyList<(string Label, FunnelPoint Point)> units, decimal centre, IndicatorUnit unit, string sizeTitle,
        ChartOptions options, string centreLabel, int width, int height)
    {
        var scale = unit == IndicatorUnit.Percent ? 100m : 1m;
        var plot = ChartStyle.NewPlot();
        var maxN = units.Count == 0 ? 1 : units.Max(u => u.Point.Denominator);
        var smallest = units.Count == 0 ? 1 : units.Min(u => u.Point.Denominator);
        var mouth = FunnelPlot.Limits(centre, smallest, FunnelPlot.Z998);
        var (lo, hi) = ChartStyle.Domain(units.Select(u => u.Point.Rate * scale).Append(mouth.Lower * scale).Append(mouth.Upper * scale), unit);
        var (yLo, yHi) = ChartStyle.ValueTicks(plot.Axes.Left, lo, hi, unit);
        var (_, xHi) = ChartStyle.ValueTicks(plot.Axes.Bottom, 0, maxN, IndicatorUnit.Count);
        plot.YLabel(options.AxisTitle(unit));
        plot.XLabel(sizeTitle);
        // A little room past the last ticks, so a marker on the edge is drawn whole.
        var (xPad, yPad) = (xHi * 0.03, (yHi - yLo) * 0.03);
        plot.Axes.SetLimits(-xPad, xHi + xPad, yLo - yPad, yHi + yPad);

        var curves = Curves(centre, maxN);
        double[] Ns() => curves.Select(c => (double)c.N).ToArray();
        double[] Ys(Func<(int N, decimal L95, decimal U95, decimal L998, decimal U998), decimal> pick) => curves.Select(c => (double)(pick(c) * scale)).ToArray();
        ChartStyle.Line(plot, Ns(), Ys(c => c.U998), ChartStyle.Ink, 1.25f);
        ChartStyle.Line(plot, Ns(), Ys(c => c.L998), ChartStyle.Ink, 1.25f);
        ChartStyle.Line(plot, Ns(), Ys(c => c.U95), ChartStyle.Ink, 1.25f, LinePattern.Dashed);
        ChartStyle.Line(plot, Ns(), Ys(c => c.L95), ChartStyle.Ink, 1.25f, LinePattern.Dashed);
        plot.Add.HorizontalLine((double)(centre * scale), 1.5f, ChartStyle.Text, LinePattern.Solid);
        var present = new HashSet<string>();
        foreach (var group in units.GroupBy(u => Position(u.Point)))
        {
            var style = Positions.Single(p => p.Name == group.Key);
            plot.Add.Markers(group.Select(u => (double)u.Point.Denominator).ToArray(), group.Select(u => (double)(u.Point.Rate * scale)).ToArray(),
                style.Shape, 9, style.Colour);
            present.Add(group.Key);
        }
        ChartStyle.LegendBelow(plot, Positions.Where(p => present.Contains(p.Name)).Select(p => ChartStyle.LegendEntry(p.Name, p.Colour, p.Shape))
            .Append(ChartStyle.LegendEntry("95% limits", ChartStyle.Ink, MarkerShape.None, LinePattern.Dashed))
            .Append(ChartStyle.LegendEntry("99.8% limits", ChartStyle.Ink, MarkerShape.None, LinePattern.Solid)));

        // The council's label over its line at the right end; the outliers' names around it and each other.
        var area = ChartLayout.DataArea(plot, width, height);
        var centreY = plot.GetPixel(new Coordinates(xHi + xPad, (double)(centre * scale))).Y - area.Top;
        ChartStyle.Label(plot, centreLabel, xHi + xPad, (double)(centre * scale), Alignment.LowerRight, -3, -3);
        var centreBox = (area.Width - 3 - centreLabel.Length * FunnelLabelPlacement.CharWidth, centreY - 3 - FunnelLabelPlacement.LineHeight,
            (double)area.Width, centreY);
        var outliers = units.Where(u => u.Point.IsOutlier).ToList();
        var pixels = outliers.Select(u => plot.GetPixel(new Coordinates(u.Point.Denominator, (double)(u.Point.Rate * scale)))).ToList();
        var sides = FunnelLabelPlacement.Choose(outliers.Select((u, k) => (u.Label, (double)(pixels[k].X - area.Left), (double)(pixels[k].Y - area.Top))).ToList(),
            area.Width, area.Height, [centreBox]);
        for (var k = 0; k < outliers.Count; k++)
        {
            if (sides[k] is not { } side) continue;
            var (align, dx, dy) = FunnelLabelPlacement.MarkFor(side);
            ChartStyle.Label(plot, outliers[k].Label, outliers[k].Point.Denominator, (double)(outliers[k].Point.Rate * scale), align, (float)dx, (float)dy);
        }
        return plot;
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

    private static string Describe(string title, IReadOnlyList<(string Label, FunnelPoint Point)> units, decimal centre, string noun, Func<decimal, string> text,
        FunnelCentre centreName)
    {
        if (units.Count == 0) return $"{title}: no {noun} to compare.";
        var sizes = $"sizes from {units.Min(u => u.Point.Denominator)} to {units.Max(u => u.Point.Denominator)}";
        var first = $"{title}: {units.Count} {noun} compared with {centreName.Described} of {text(centre)}, {sizes}.";
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

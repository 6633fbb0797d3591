using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

/// <summary>
/// A target or England label never covers a data point, even when points crowd both sides of its line: read back from
/// the SVG, the label's text box against every marker drawn. Crowded at the line's end, the label moves along its line;
/// crowded all along, it goes into the legend under the chart.
/// </summary>
public sealed partial class ReferenceLabelPlacementTests
{
    /// <summary>Months from April 2024 in usual variation (circles) around a mean of 75 with limits 60 to 90.</summary>
    private static SpcResult Series(params decimal[] values)
    {
        var points = values.Select((v, i) => Fixtures.Point(Fixtures.April2024.AddMonths(i), v)).ToList();
        return new SpcResult(ChartKind.XmR, points, 75m, 5m, Variation.NoSignificantChange, Assurance.MayOrMayNotMeet, 75m)
        {
            Phases = [new SpcPhase(points[0].Month, points[^1].Month, points.Count, 75m, 5m, true, PhaseStart.FirstMonth)],
        };
    }

    /// <summary>Alternately just over and just under <paramref name="line"/>: both sides of it are taken.</summary>
    private static IEnumerable<decimal> Hugging(decimal line, int months) => Enumerable.Range(0, months).Select(i => i % 2 == 0 ? line - 1.2m : line + 1.2m);

    private static IEnumerable<decimal> Far(int months) => Enumerable.Range(0, months).Select(i => 62m + i % 3);

    /// <summary>The centre of every circle marker drawn, in the chart's pixels.</summary>
    private static List<(double X, double Y)> Markers(string svg) =>
        [.. Ellipse().Matches(svg).Select(m => (Number(m.Groups["cx"].Value), Number(m.Groups["cy"].Value)))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static SvgTextBox Label(ChartSpec chart, string start) => SvgText.Boxes(chart.Svg).Single(b => b.Text.StartsWith(start, StringComparison.Ordinal));

    private static void AssertCoversNoMarker(ChartSpec chart, SvgTextBox label)
    {
        var markers = Markers(chart.Svg);
        Assert.That(markers, Is.Not.Empty);
        const double r = 4.5;
        var covered = markers.Where(m => m.X + r > label.Left && m.X - r < label.Right && m.Y + r > label.Top && m.Y - r < label.Bottom).ToList();
        Assert.That(covered, Is.Empty, $"{label} covers markers at {string.Join(", ", covered)}");
        var (overlapping, outside) = SvgText.Problems(chart.Svg);
        Assert.That(overlapping, Is.Empty);
        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void A_target_label_crowded_on_both_sides_at_its_end_moves_along_its_line()
    {
        var spc = Series([.. Far(16), .. Hugging(75m, 8)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 75m, null);
        var label = Label(chart, "Target 75.0%");
        AssertCoversNoMarker(chart, label);
        var lastMarkers = Markers(chart.Svg).OrderBy(m => m.X).TakeLast(8).ToList();
        Assert.That(label.Right, Is.LessThan(lastMarkers.Max(m => m.X) - 20), "moved left from the line's end");
        Assert.That(label.Bottom, Is.LessThan(Label(chart, "Average").Top - 20), "on the chart, not in the legend");
    }

    [Test]
    public void An_england_label_crowded_on_both_sides_at_its_start_moves_along_its_line()
    {
        var spc = Series([.. Hugging(70m, 8), .. Far(16).Select(v => v + 20)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, null, 70m);
        var label = Label(chart, "England 70.0%");
        AssertCoversNoMarker(chart, label);
        var firstMarkers = Markers(chart.Svg).OrderBy(m => m.X).Take(8).ToList();
        Assert.That(label.Left, Is.GreaterThan(firstMarkers.Min(m => m.X) + 20), "moved right from the line's start");
        Assert.That(label.Bottom, Is.LessThan(Label(chart, "Average").Top - 20), "on the chart, not in the legend");
    }

    [Test]
    public void A_target_label_crowded_all_along_its_line_goes_into_the_legend()
    {
        var spc = Series([.. Hugging(75m, 24)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 75m, null);
        var label = Label(chart, "Target 75.0%");
        AssertCoversNoMarker(chart, label);
        var legend = Label(chart, "Average");
        Assert.That(label.Top, Is.EqualTo(legend.Top).Within(20), "a legend entry, beside the others");
    }

    [Test]
    public void Both_labels_crowded_keep_clear_of_the_points_and_of_each_other()
    {
        var spc = Series([.. Hugging(72m, 12), .. Hugging(78m, 12)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 78m, 72m);
        AssertCoversNoMarker(chart, Label(chart, "Target 78.0%"));
        AssertCoversNoMarker(chart, Label(chart, "England 72.0%"));
    }

    [Test]
    public void A_rolling_chart_s_target_label_crowded_at_its_end_moves_along_its_line()
    {
        var points = Enumerable.Range(0, 20).Select(i => (Fixtures.April2024.AddMonths(i), (decimal?)(i < 12 ? 60m + i % 3 : i % 2 == 0 ? 78.8m : 81.2m))).ToList();
        var chart = RollingLineChart.Build("Visits: rolling 3-month figures", 3, points, IndicatorUnit.Percent, 80m);
        var label = Label(chart, "Target 80.0%");
        AssertCoversNoMarker(chart, label);
        var lastMarkers = Markers(chart.Svg).OrderBy(m => m.X).TakeLast(8).ToList();
        Assert.That(label.Right, Is.LessThan(lastMarkers.Max(m => m.X) - 20), "moved left from the line's end");
    }

    [Test]
    public void A_target_label_just_under_a_dashed_limit_keeps_off_the_limit_line()
    {
        // Over its line (the data is all below) the label would sit on the upper limit, 2 points above the target.
        var spc = Series([.. Far(24)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 88m, null);
        AssertCoversNoMarker(chart, Label(chart, "Target 88.0%"));
        Assert.That(SvgText.DataLines(chart.Svg), Is.Not.Empty, "the limits are read from the SVG");
        Assert.That(SvgText.ReferenceLabelsOnLines(chart.Svg), Is.Empty);
    }

    [Test]
    public void An_england_label_between_the_average_and_a_limit_keeps_off_both_lines()
    {
        // England at 78: 3 points above the average (75), 12 under the upper limit (90); the data hugs the average.
        var spc = Series([.. Hugging(75m, 24)]);
        var chart = SpcChart.Build("Visits", spc, IndicatorUnit.Percent, Polarity.HigherIsBetter, 89m, 78m);
        Assert.That(SvgText.ReferenceLabelsOnLines(chart.Svg), Is.Empty);
        var (overlapping, outside) = SvgText.Problems(chart.Svg);
        Assert.That(overlapping, Is.Empty);
        Assert.That(outside, Is.Empty);
    }

    [TestCaseSource(typeof(ChartGallery), nameof(ChartGallery.Cases))]
    public void No_reference_label_lies_on_a_line_in_the_gallery(string name, Func<ChartSpec> build) =>
        Assert.That(SvgText.ReferenceLabelsOnLines(build().Svg), Is.Empty, name);

    [GeneratedRegex("<ellipse[^>]*?cx=\"(?<cx>[-\\d.]+)\"[^>]*?cy=\"(?<cy>[-\\d.]+)\"")]
    private static partial Regex Ellipse();
}

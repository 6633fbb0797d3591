namespace Dashboard.Charts.Tests;

/// <summary>
/// What a reader sees in every chart type's SVG: no two texts on each other, none outside the chart, none under 11 px,
/// a sans-serif font, and the same bytes for the same input. Each chart is also saved as SVG and PNG under
/// artifacts/screenshots/charts to be looked at.
/// </summary>
public class ChartLegibilityTests
{
    [TestCaseSource(typeof(ChartGallery), nameof(ChartGallery.Cases))]
    public void No_text_overlaps_other_text_or_leaves_the_chart(string name, Func<ChartSpec> build)
    {
        var chart = build();
        Save(name, chart);
        var (overlapping, outside) = SvgText.Problems(chart.Svg);
        Assert.Multiple(() =>
        {
            Assert.That(overlapping.Select(p => $"{p.Item1} on {p.Item2}"), Is.Empty, name);
            Assert.That(outside.Select(b => b.ToString()), Is.Empty, name);
        });
    }

    [TestCaseSource(typeof(ChartGallery), nameof(ChartGallery.Cases))]
    public void Text_is_sans_serif_at_11_px_or_more(string name, Func<ChartSpec> build)
    {
        var svg = build().Svg;
        var boxes = SvgText.Boxes(svg);
        Assert.That(boxes.Where(b => b.FontSize < 11).Select(b => b.ToString()), Is.Empty, name);
        Assert.That(svg, Does.Not.Contain("serif\"").Or.Contain("sans-serif\""));
        Assert.That(svg, Does.Contain("font-family=\"DejaVu Sans, Verdana, sans-serif\"").Or.Not.Contain("<text"));
    }

    [TestCaseSource(typeof(ChartGallery), nameof(ChartGallery.Cases))]
    public void The_same_input_gives_the_same_svg_and_png(string name, Func<ChartSpec> build)
    {
        var (first, second) = (build(), build());
        Assert.That(second.Svg, Is.EqualTo(first.Svg), name);
        Assert.That(second.Png(), Is.EqualTo(first.Png()), name);
        Assert.That(first.Png().Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG signature");
    }

    private static void Save(string name, ChartSpec chart)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots", "charts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".svg"), chart.Svg);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), chart.Png());
    }

    [Test]
    public void Count_ticks_are_whole_numbers()
    {
        var (lo, hi, step) = ChartStyle.NiceTicks(0, 3, 6, wholeNumbers: true);
        Assert.That((lo, hi, step), Is.EqualTo((0d, 3d, 1d)));
        Assert.That(ChartStyle.NiceTicks(0, 1, 6, wholeNumbers: false).Step, Is.EqualTo(0.2).Within(1e-9));
    }
}

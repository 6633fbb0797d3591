using ScottPlot;

namespace Dashboard.Charts.Tests;

/// <summary>
/// "Does this line run through that label?" is asked twice: by the chart when it places a label (LabelBox.Crosses,
/// clipping the segment to the box) and by the SVG tests (SvgText.Crosses, walking along the segment). The two are
/// written differently on purpose; here both answer the cases a person can check by eye, and agree on many random
/// segments, so a mistake in either shows.
/// </summary>
public sealed class LineCrossingTests
{
    private static readonly SvgTextBox Box = new("Target 85.0%", 11, 100, 50, 160, 64);

    [TestCase(80, 57, 180, 57, true, TestName = "A level line through the middle crosses")]
    [TestCase(80, 40, 180, 75, true, TestName = "A slope through the box crosses")]
    [TestCase(130, 20, 130, 90, true, TestName = "An upright line through the box crosses")]
    [TestCase(110, 55, 120, 60, true, TestName = "A short piece wholly inside crosses")]
    [TestCase(80, 50, 180, 50, false, TestName = "A line along the top edge does not cross")]
    [TestCase(80, 45, 180, 45, false, TestName = "A line above the box does not cross")]
    [TestCase(165, 20, 165, 90, false, TestName = "An upright line beside the box does not cross")]
    [TestCase(80, 20, 99, 90, false, TestName = "A slope that ends before the box does not cross")]
    [TestCase(90, 70, 170, 100, false, TestName = "A slope under the box does not cross")]
    public void Both_rules_answer_as_a_person_would(double x1, double y1, double x2, double y2, bool crosses)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SvgText.Crosses(Box, new SvgSegment(x1, y1, x2, y2), tolerance: 0), Is.EqualTo(crosses), "the SVG tests' walk");
            Assert.That(Product(Box).Crosses(new Pixel(x1, y1), new Pixel(x2, y2)), Is.EqualTo(crosses), "the chart's clipping");
        });
    }

    [Test]
    public void The_two_rules_agree_on_random_segments_away_from_the_edges()
    {
        var random = new Random(20261205);
        var disagreements = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var segment = new SvgSegment(random.Next(60, 200), random.Next(20, 100), random.Next(60, 200), random.Next(20, 100));
            var walked = SvgText.Crosses(Box, segment, tolerance: 0);
            var clipped = Product(Box).Crosses(new Pixel(segment.X1, segment.Y1), new Pixel(segment.X2, segment.Y2));
            // Within a quarter pixel of a corner the walk may step over the box's inside; those are not a disagreement.
            if (walked != clipped && !GrazesCorner(segment)) disagreements.Add($"{segment}: walk {walked}, clipping {clipped}");
        }
        Assert.That(disagreements, Is.Empty);
    }

    private static LabelBox Product(SvgTextBox box) => new(box.Left, box.Top, box.Right, box.Bottom);

    /// <summary>Whether the segment passes within half a pixel of one of the box's corners.</summary>
    private static bool GrazesCorner(SvgSegment s)
    {
        foreach (var (cx, cy) in new[] { (Box.Left, Box.Top), (Box.Right, Box.Top), (Box.Left, Box.Bottom), (Box.Right, Box.Bottom) })
        {
            double dx = s.X2 - s.X1, dy = s.Y2 - s.Y1, lengthSquared = (dx * dx) + (dy * dy);
            var t = lengthSquared == 0 ? 0 : Math.Clamp((((cx - s.X1) * dx) + ((cy - s.Y1) * dy)) / lengthSquared, 0, 1);
            var (px, py) = (s.X1 + (t * dx) - cx, s.Y1 + (t * dy) - cy);
            if ((px * px) + (py * py) < 0.25) return true;
        }
        return false;
    }
}

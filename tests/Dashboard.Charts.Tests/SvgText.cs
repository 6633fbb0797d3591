using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dashboard.Charts.Tests;

/// <summary>A text element of a chart's SVG: its words, font size and the box it covers in the chart's pixels.</summary>
public sealed record SvgTextBox(string Text, double FontSize, double Left, double Top, double Right, double Bottom)
{
    public bool Overlaps(SvgTextBox other, double tolerance = 0.5) =>
        Math.Min(Right, other.Right) - Math.Max(Left, other.Left) > tolerance && Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) > tolerance;

    public override string ToString() => $"\"{Text}\" at ({Left:0},{Top:0})-({Right:0},{Bottom:0})";
}

/// <summary>
/// Reads the text of a chart's SVG as boxes. ScottPlot (through Skia's SVG canvas) writes each label as a &lt;text&gt;
/// with a transform (translate, or a matrix for the rotated axis title), a y baseline and one measured x per glyph,
/// inside &lt;svg x y&gt; panels for small multiples. The measured x of the first glyph gives the left edge; the last
/// glyph's width is not written, so it is estimated as 0.65 of the font size (DejaVu Sans's widest ordinary glyphs are
/// about that); the box runs from 0.76 of the font size above the baseline (cap and ascender height) to 0.24 below
/// (descender). Estimated edges err wide by a pixel or so, so a test that finds no overlap is not luck.
/// </summary>
public static partial class SvgText
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every text element of <paramref name="svg"/> (one &lt;svg&gt; element) as a box in its outer pixels.</summary>
    public static List<SvgTextBox> Boxes(string svg)
    {
        var root = XElement.Parse(svg);
        var boxes = new List<SvgTextBox>();
        foreach (var text in root.Descendants(Svg + "text"))
        {
            var words = Whitespace().Replace(text.Value, " ").Trim();
            if (words.Length == 0) continue;
            var size = double.Parse((string)text.Attribute("font-size")!, CultureInfo.InvariantCulture);
            var xs = Numbers((string?)text.Attribute("x"));
            var y = Numbers((string?)text.Attribute("y")).DefaultIfEmpty(0).First();
            var left = xs.DefaultIfEmpty(0).First();
            var right = (xs.Count > 0 ? xs[^1] : left + (words.Length - 1) * size * 0.6) + size * 0.65;
            var (top, bottom) = (y - size * 0.76, y + size * 0.24);
            var (a, b, c, d, e, f) = Transform((string?)text.Attribute("transform"));
            var corners = new[] { (left, top), (right, top), (left, bottom), (right, bottom) }
                .Select(p => (X: a * p.Item1 + c * p.Item2 + e, Y: b * p.Item1 + d * p.Item2 + f)).ToList();
            var (ox, oy) = PanelOffset(text);
            boxes.Add(new SvgTextBox(words, size, corners.Min(p => p.X) + ox, corners.Min(p => p.Y) + oy, corners.Max(p => p.X) + ox, corners.Max(p => p.Y) + oy));
        }
        return boxes;
    }

    /// <summary>The outer &lt;svg&gt;'s width and height.</summary>
    public static (double Width, double Height) Size(string svg)
    {
        var root = XElement.Parse(svg);
        return (double.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture), double.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture));
    }

    /// <summary>Pairs of text boxes that overlap, and boxes that reach outside the chart: both should be empty.</summary>
    public static (List<(SvgTextBox, SvgTextBox)> Overlapping, List<SvgTextBox> Outside) Problems(string svg)
    {
        var boxes = Boxes(svg);
        var (width, height) = Size(svg);
        var overlapping = new List<(SvgTextBox, SvgTextBox)>();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++) if (boxes[i].Overlaps(boxes[j])) overlapping.Add((boxes[i], boxes[j]));
        }
        var outside = boxes.Where(b => b.Left < -0.5 || b.Top < -0.5 || b.Right > width + 0.5 || b.Bottom > height + 0.5).ToList();
        return (overlapping, outside);
    }

    /// <summary>Each &lt;svg&gt; inside the outer one moves its content by its x and y.</summary>
    private static (double X, double Y) PanelOffset(XElement element)
    {
        double x = 0, y = 0;
        foreach (var panel in element.Ancestors(Svg + "svg").Where(s => s.Parent is not null))
        {
            x += Numbers((string?)panel.Attribute("x")).DefaultIfEmpty(0).First();
            y += Numbers((string?)panel.Attribute("y")).DefaultIfEmpty(0).First();
        }
        return (x, y);
    }

    private static (double A, double B, double C, double D, double E, double F) Transform(string? transform)
    {
        if (string.IsNullOrWhiteSpace(transform)) return (1, 0, 0, 1, 0, 0);
        var n = Numbers(transform[(transform.IndexOf('(') + 1)..]);
        return transform.StartsWith("matrix", StringComparison.Ordinal) ? (n[0], n[1], n[2], n[3], n[4], n[5])
            : transform.StartsWith("translate", StringComparison.Ordinal) ? (1, 0, 0, 1, n[0], n.Count > 1 ? n[1] : 0)
            : throw new FormatException($"A text transform the test does not read: {transform}");
    }

    private static List<double> Numbers(string? text) => text is null ? [] :
        [.. NumberPattern().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"-?\d+(\.\d+)?(e-?\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dashboard.Charts.Tests;

/// <summary>A straight piece of something drawn in a chart's data area, in the chart's outer pixels.</summary>
public readonly record struct SvgSegment(double X1, double Y1, double X2, double Y2)
{
    public override string ToString() => $"({X1:0.#},{Y1:0.#})-({X2:0.#},{Y2:0.#})";
}

/// <summary>
/// Reads the lines a chart draws in its data area from the SVG: every path inside a group clipped to the data area
/// (ScottPlot clips each plottable there; grid lines, ticks and the legend are outside). A solid line is a stroked
/// path; a dashed one is written by Skia as a filled outline of each dash, whose edges are read as segments too, so
/// "crosses a limit line" is tested on what is really drawn. Paths use only M, L and Z (absolute).
/// </summary>
public static partial class SvgText
{
    /// <summary>Every segment of every path in the data area of <paramref name="svg"/>.</summary>
    public static List<SvgSegment> DataLines(string svg)
    {
        var root = XElement.Parse(svg);
        var segments = new List<SvgSegment>();
        foreach (var path in root.Descendants(Svg + "path").Where(p => p.Ancestors(Svg + "g").Any(g => g.Attribute("clip-path") is not null)))
        {
            var (ox, oy) = PanelOffset(path);
            var filled = (string?)path.Attribute("fill") is { } fill && fill != "none";
            var first = segments.Count;
            (double X, double Y)? start = null, at = null;
            foreach (Match command in PathCommand().Matches((string?)path.Attribute("d") ?? ""))
            {
                var n = Numbers(command.Groups[2].Value);
                switch (command.Groups[1].Value)
                {
                    case "M":
                        at = start = (n[0] + ox, n[1] + oy);
                        break;
                    case "L":
                        for (var i = 0; i + 1 < n.Count; i += 2)
                        {
                            var next = (X: n[i] + ox, Y: n[i + 1] + oy);
                            if (at is { } a) segments.Add(new SvgSegment(a.X, a.Y, next.X, next.Y));
                            at = next;
                        }
                        break;
                    case "Z":
                        if (at is { } z && start is { } s) segments.Add(new SvgSegment(z.X, z.Y, s.X, s.Y));
                        at = start;
                        break;
                    default:
                        throw new FormatException($"A path command the test does not read: {command.Value}");
                }
            }
            // One filled shape of a few sides, wider and taller than a line is thick, is a marker (a diamond, a square),
            // which the points rule keeps labels off. A dashed line is one path of many dashes, each a filled sliver: kept.
            if (filled && segments.Count > first && segments.Count - first <= 10)
            {
                var shape = segments.Skip(first).ToList();
                var width = shape.Max(s => Math.Max(s.X1, s.X2)) - shape.Min(s => Math.Min(s.X1, s.X2));
                var height = shape.Max(s => Math.Max(s.Y1, s.Y2)) - shape.Min(s => Math.Min(s.Y1, s.Y2));
                if (width > 2.5 && height > 2.5) segments.RemoveRange(first, segments.Count - first);
            }
        }
        return segments;
    }

    /// <summary>Whether <paramref name="segment"/> passes through the inside of <paramref name="box"/> shrunk by
    /// <paramref name="tolerance"/> on each side (a line grazing an estimated edge is not counted). Found by walking
    /// along the segment in steps of a quarter pixel, on purpose not by clipping: the chart places its labels with a
    /// clipping rule (LabelBox.Crosses), and a check written the same way would share any mistake in it.</summary>
    public static bool Crosses(SvgTextBox box, SvgSegment segment, double tolerance = 0.5)
    {
        var (left, top, right, bottom) = (box.Left + tolerance, box.Top + tolerance, box.Right - tolerance, box.Bottom - tolerance);
        if (Math.Max(segment.X1, segment.X2) <= left || Math.Min(segment.X1, segment.X2) >= right ||
            Math.Max(segment.Y1, segment.Y2) <= top || Math.Min(segment.Y1, segment.Y2) >= bottom)
        {
            return false;
        }
        var length = Math.Sqrt(Math.Pow(segment.X2 - segment.X1, 2) + Math.Pow(segment.Y2 - segment.Y1, 2));
        var steps = Math.Max(1, (int)Math.Ceiling(length / 0.25));
        for (var i = 0; i <= steps; i++)
        {
            var x = segment.X1 + ((segment.X2 - segment.X1) * i / steps);
            var y = segment.Y1 + ((segment.Y2 - segment.Y1) * i / steps);
            if (x > left && x < right && y > top && y < bottom) return true;
        }
        return false;
    }

    /// <summary>The target and England labels of <paramref name="svg"/> that a line of its data area runs through.</summary>
    public static List<string> ReferenceLabelsOnLines(string svg)
    {
        var lines = DataLines(svg);
        return [.. Boxes(svg).Where(b => ReferenceLabel().IsMatch(b.Text))
            .SelectMany(b => lines.Where(l => Crosses(b, l)).Select(l => $"{b} crosses the line {l}")).Take(5)];
    }

    [GeneratedRegex(@"([A-Za-z])([^A-Za-z]*)")]
    private static partial Regex PathCommand();

    [GeneratedRegex(@"^(Target|England) ")]
    private static partial Regex ReferenceLabel();
}

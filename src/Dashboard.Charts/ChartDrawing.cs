using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Dashboard.Charts;

/// <summary>
/// One or more ScottPlot panels of the same size laid out in a grid (one panel for most charts; small multiples have
/// one per team), rendered on first use as SVG and as PNG. Each panel is built afresh from its recipe for each format,
/// so a drawing is safe to share between threads and the same input always gives the same bytes.
/// </summary>
public sealed partial class ChartDrawing
{
    private readonly IReadOnlyList<Func<Plot>> _panels;
    private readonly string _idPrefix;
    private readonly Lazy<string> _svg;
    private readonly Lazy<byte[]> _png;

    /// <param name="id">The chart's id, prefixed to every id inside the SVG, so two charts on one page never share one.</param>
    /// <param name="panels">Recipes for each panel, in reading order.</param>
    /// <param name="columns">Panels to a row.</param>
    /// <param name="panelWidth">Each panel's width in pixels.</param>
    /// <param name="panelHeight">Each panel's height in pixels.</param>
    public ChartDrawing(string id, IReadOnlyList<Func<Plot>> panels, int columns, int panelWidth, int panelHeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("A chart needs at least one panel.", nameof(panels));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelHeight, 16);
        _panels = panels;
        _idPrefix = id;
        Columns = Math.Min(columns, panels.Count);
        PanelWidth = panelWidth;
        PanelHeight = panelHeight;
        _svg = new Lazy<string>(RenderSvg);
        _png = new Lazy<byte[]>(RenderPng);
    }

    public ChartDrawing(string id, Func<Plot> panel, int width, int height) : this(id, [panel], 1, width, height)
    {
    }

    public int Columns { get; }

    public int Rows => (_panels.Count + Columns - 1) / Columns;

    public int PanelWidth { get; }

    public int PanelHeight { get; }

    public int Width => Columns * PanelWidth;

    public int Height => Rows * PanelHeight;

    public int PanelCount => _panels.Count;

    /// <summary>A fresh plot of one panel, for tests that measure where things land.</summary>
    internal Plot Panel(int index) => _panels[index]();

    public string Svg => _svg.Value;

    public byte[] Png() => _png.Value;

    /// <summary>The PNG drawn afresh and not kept by this drawing (for a cache that accounts for the bytes itself);
    /// the same bytes as <see cref="Png"/>.</summary>
    public byte[] DrawPng() => RenderPng();

    private string RenderSvg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" aria-hidden=\"true\" focusable=\"false\">");
        for (var i = 0; i < _panels.Count; i++)
        {
            var (x, y) = Origin(i);
            using var plot = _panels[i]();
            var inner = plot.GetSvgXml(PanelWidth, PanelHeight);
            inner = XmlDeclaration().Replace(inner, "");
            inner = RenameIds(inner, $"{_idPrefix}-{i}-");
            // A browser without DejaVu Sans still draws a sans-serif.
            inner = inner.Replace("font-family=\"DejaVu Sans\"", "font-family=\"DejaVu Sans, Verdana, sans-serif\"", StringComparison.Ordinal);
            inner = OpenSvg().Replace(inner, $"<svg x=\"{x}\" y=\"{y}\"", 1);
            inner = RoundCoordinates(inner);
            svg.Append(inner.Trim());
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Skia writes coordinates to six figures ("43.238281"); a tenth of a pixel is finer than print or screen shows, and
    /// the shorter numbers make a pack's page about a tenth smaller for Chromium to parse and print. Only numbers
    /// inside tags change: the text a chart shows (a tick "0.25") is left as drawn.
    /// </summary>
    internal static string RoundCoordinates(string svg) =>
        Tag().Replace(svg, tag => LongNumber().Replace(tag.Value, n =>
            (Math.Round(double.Parse(n.Value, CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.#", CultureInfo.InvariantCulture)));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>A decimal with two or more places, also right after a path command ("L54.8199").</summary>
    [GeneratedRegex(@"(?<![\d.])-?\d+\.\d{2,}")]
    private static partial Regex LongNumber();

    private byte[] RenderPng()
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < _panels.Count; i++)
        {
            var (x, y) = Origin(i);
            using var plot = _panels[i]();
            using var panel = SKImage.FromEncodedData(plot.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png));
            surface.Canvas.DrawImage(panel, x, y);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Skia numbers clip paths from a counter shared by the whole process, so the same chart would get new ids on each
    /// render: they are renumbered in order of appearance, behind the chart's id and the panel's number, so the output
    /// is deterministic and two charts on one page never share an id.
    /// </summary>
    private static string RenameIds(string svg, string prefix)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg)) names.TryAdd(m.Groups[1].Value, $"{prefix}c{names.Count}");
        svg = IdAttribute().Replace(svg, m => $"id=\"{names[m.Groups[1].Value]}\"");
        return UrlReference().Replace(svg, m => names.TryGetValue(m.Groups[1].Value, out var n) ? $"url(#{n})" : m.Value);
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    private (int X, int Y) Origin(int panel) => (panel % Columns * PanelWidth, panel / Columns * PanelHeight);

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg\b")]
    private static partial Regex OpenSvg();
}

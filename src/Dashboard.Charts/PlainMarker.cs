using ScottPlot;
using SkiaSharp;

namespace Dashboard.Charts;

/// <summary>
/// Draws a legend entry's marker without the dash pattern of the line drawn just before it. ScottPlot draws an entry's
/// line sample and then its marker with one paint and leaves the line's dash effect on it, and SkiaSharp's SVG writer
/// cannot fill a shape with a dash effect: it prints "Unsupported path effect in addPaint." on the server's standard
/// error for every dashed team's entry on every chart drawn. The marker itself comes out the same.
/// </summary>
internal sealed class PlainMarker : IMarker
{
    public static readonly PlainMarker Instance = new();

    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle style)
    {
        ArgumentNullException.ThrowIfNull(paint);
        ArgumentNullException.ThrowIfNull(style);
        paint.SKPaint.PathEffect = null;
        // The same marker without this renderer, so ScottPlot draws its own shape.
        var plain = new MarkerStyle(style.Shape, size)
        {
            FillColor = style.FillColor,
            LineColor = style.LineColor,
            LineWidth = style.LineWidth,
            OutlineColor = style.OutlineColor,
            OutlineWidth = style.OutlineWidth,
        };
        plain.Render(canvas, center, paint);
    }
}

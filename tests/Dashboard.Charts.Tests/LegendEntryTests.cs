using ScottPlot;
using SkiaSharp;

namespace Dashboard.Charts.Tests;

/// <summary>
/// A team's legend entry pairs a dashed line with a filled marker. ScottPlot leaves the line's dash effect on the paint
/// it then fills the marker with, and SkiaSharp's SVG writer prints "Unsupported path effect in addPaint." for that on
/// standard error; the marker is drawn by <see cref="PlainMarker"/>, which clears the effect and draws the same shape.
/// </summary>
public sealed class LegendEntryTests
{
    [Test]
    public void A_dashed_entry_s_marker_is_filled_without_the_dash_effect_and_in_its_colour()
    {
        var entry = ChartStyle.LegendEntry("Assessment East", ChartStyle.Blue, MarkerShape.FilledSquare, LinePattern.Dashed);
        Assert.That(entry.MarkerStyle.CustomRenderer, Is.SameAs(PlainMarker.Instance));
        using var surface = SKSurface.Create(new SKImageInfo(20, 20, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var paint = Paint.NewDisposablePaint();
        paint.SKPaint.PathEffect = SKPathEffect.CreateDash([4f, 2f], 0);
        PlainMarker.Instance.Render(surface.Canvas, paint, new Pixel(10, 10), 8, entry.MarkerStyle);
        Assert.That(paint.SKPaint.PathEffect, Is.Null, "no dash effect left for the SVG writer");
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        Assert.That(bitmap.GetPixel(10, 10), Is.EqualTo(new SKColor(0x1D, 0x70, 0xB8)), "the marker is drawn, filled in the team's colour");
    }

    [Test]
    public void Solid_entries_and_lines_without_markers_keep_ScottPlot_s_own_drawing()
    {
        Assert.That(ChartStyle.LegendEntry("Average", ChartStyle.Ink, MarkerShape.None, LinePattern.Solid).MarkerStyle.CustomRenderer, Is.Null);
        Assert.That(ChartStyle.LegendEntry("Limits", ChartStyle.Ink, MarkerShape.None, LinePattern.Dashed).MarkerStyle.CustomRenderer, Is.Null);
        Assert.That(ChartStyle.LegendEntry("Improvement", ChartStyle.Blue, MarkerShape.FilledDiamond).MarkerStyle.CustomRenderer, Is.Null);
    }
}

using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Dashboard.Reports.Excel;

/// <summary>A chart drawn as a PNG for a sheet: its title and text alternative become the picture's alt text.</summary>
public sealed record SheetImage(string Title, string Description, byte[] Png, int WidthPixels, int HeightPixels);

/// <summary>
/// Puts PNG images on a sheet through a drawing part: one above the other, to the right of the sheet's columns with a
/// column's gap, from the header row down, each at its own size. Excel reads a picture's title and description as its
/// alt text, so a screen-reader user hears what the chart shows.
/// </summary>
internal static class SheetImages
{
    /// <summary>EMUs (the drawing unit) per pixel at 96 dpi.</summary>
    private const long Emu = 9525;

    /// <summary>A default row's height in pixels (15 points).</summary>
    private const int RowPixels = 20;

    /// <summary>Adds the drawing part with <paramref name="images"/> to <paramref name="sheet"/> and returns its relationship id,
    /// for the worksheet's &lt;drawing&gt; element.</summary>
    public static string Add(WorksheetPart sheet, IReadOnlyList<SheetImage> images, int firstColumn, int firstRow)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        var root = new Xdr.WorksheetDrawing();
        var row = firstRow;
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var part = drawings.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(image.Png, writable: false)) part.FeedData(data);
            var (cx, cy) = (image.WidthPixels * Emu, image.HeightPixels * Emu);
            root.Append(new Xdr.OneCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId(firstColumn.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                    new Xdr.RowId(row.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                new Xdr.Extent { Cx = cx, Cy = cy },
                new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(
                        new Xdr.NonVisualDrawingProperties { Id = (uint)(i + 2), Name = $"Chart {i + 1}", Title = image.Title, Description = image.Description },
                        new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                    new Xdr.BlipFill(new A.Blip { Embed = drawings.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                new Xdr.ClientData()));
            row += (image.HeightPixels + RowPixels - 1) / RowPixels + 1;
        }
        drawings.WorksheetDrawing = root;
        return sheet.GetIdOfPart(drawings);
    }
}

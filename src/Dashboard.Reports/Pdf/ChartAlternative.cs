using System.Net;
using Dashboard.Charts;

namespace Dashboard.Reports.Pdf;

/// <summary>
/// A printed chart's data table as the chart's alternative text. Chromium tags a PDF from what it paints, so a table
/// hidden off-screen for screen readers never reached the PDF (no text, no tags) yet built a DOM node per cell that
/// made a pack print about twice as slowly. Read row by row from the SVG's accessible name instead, the numbers land
/// in the PDF's Figure tag (/Alt), where a screen reader finds them, at the cost of one attribute.
/// </summary>
internal static class ChartAlternative
{
    /// <summary>"Caption. December 2024: value 89.7%, average 90.1%; January 2025: ..." (headers after the first in lower case).</summary>
    public static string Text(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row => row.Count <= 1 ? string.Join("", row)
            : row[0] + ": " + string.Join(", ", row.Skip(1).Select((cell, i) => $"{Header(table, i + 1)} {cell}")));
        return $"{table.Caption.TrimEnd('.')}. {string.Join("; ", rows)}.";
    }

    /// <summary>The chart's SVG, no longer hidden from assistive technology: an image named by <see cref="Text"/>.</summary>
    public static string LabelledSvg(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = chart.Svg;
        const string hidden = "aria-hidden=\"true\" focusable=\"false\"";
        var at = svg.IndexOf(hidden, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"Chart {chart.Id}'s SVG does not open as ChartDrawing writes it.");
        return string.Concat(svg.AsSpan(0, at), $"role=\"img\" focusable=\"false\" aria-label=\"{WebUtility.HtmlEncode(Text(chart.Table))}\"",
            svg.AsSpan(at + hidden.Length));
    }

    private static string Header(DataTable table, int column) =>
        column < table.Headers.Count ? table.Headers[column].ToLowerInvariant() : "";
}

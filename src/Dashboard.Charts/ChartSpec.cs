namespace Dashboard.Charts;

/// <summary>
/// A chart ready to show: its drawing (SVG for the page and the PDF packs, PNG for the Excel packs and the download
/// link), the text alternative a screen-reader user reads instead, and the same numbers as a table.
/// </summary>
/// <param name="Id">A stable slug, safe in an HTML id and a file name ("spc-child-protection-visits-on-time").</param>
/// <param name="Title">The heading the page shows above the chart; the drawing itself carries no title.</param>
/// <param name="Description">One to three sentences generated from the data.</param>
/// <param name="Table">The chart's numbers as text, for a table alternative.</param>
/// <param name="Drawing">The chart drawn by ScottPlot; rendered once, on first use.</param>
public sealed record ChartSpec(string Id, string Title, string Description, DataTable Table, ChartDrawing Drawing)
{
    /// <summary>The chart as an inline &lt;svg&gt; element (no XML declaration), ids prefixed with <see cref="Id"/>.</summary>
    public string Svg => Drawing.Svg;

    /// <summary>The chart as a PNG image of <see cref="ChartDrawing.Width"/> by <see cref="ChartDrawing.Height"/> pixels.</summary>
    public byte[] Png() => Drawing.Png();
}

/// <summary>A chart's data as display text: a caption, column headers, and rows of the same length.</summary>
public sealed record DataTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

namespace Dashboard.Charts;

/// <summary>
/// A chart ready to draw: a complete Vega-Lite v6 spec, the text alternative a screen-reader user reads instead,
/// and the same numbers as a table. The web dashboard and the PDF packs draw <see cref="Json"/> with vega-embed
/// (SVG renderer), so a chart looks the same on screen and on paper.
/// </summary>
/// <param name="Id">A stable slug, safe in an HTML id ("spc-child-protection-visits-on-time").</param>
/// <param name="Title">The heading the page shows above the chart; the spec itself carries no title.</param>
/// <param name="Json">The Vega-Lite spec; its "description" is <paramref name="Description"/>.</param>
/// <param name="Description">One to three sentences generated from the data.</param>
/// <param name="Table">The chart's numbers as text, for a table alternative.</param>
public sealed record ChartSpec(string Id, string Title, string Json, string Description, DataTable Table);

/// <summary>A chart's data as display text: a caption, column headers, and rows of the same length.</summary>
public sealed record DataTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

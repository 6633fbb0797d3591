using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests;

/// <summary>Finds counts from 1 to 5 in what a councillor received: tile counts, table cells and charts' data tables.</summary>
internal static partial class SuppressionScan
{
    /// <summary>"3 of 40 visits": the numbers in a tile's counts line.</summary>
    public static List<string> SmallCountsInTileCounts(string html) =>
        [.. TileCounts().Matches(html).SelectMany(m => Numbers().Matches(m.Groups[1].Value).Select(n => n.Value)).Where(Small)];

    /// <summary>
    /// Whole numbers from 1 to 5 in the data table of every chart: the table holds every number the chart draws
    /// (numerators and denominators of funnels, count values), so a count that reached a chart shows here. The drawn
    /// SVG itself carries only axis ticks and labels made from those same values.
    /// </summary>
    public static List<string> SmallCountsInChartTables(string html)
    {
        var found = new List<string>();
        foreach (Match figure in ChartFigure().Matches(html))
        {
            found.AddRange(PlainCells().Matches(figure.Value).Select(m => m.Groups[1].Value.Trim()).Where(Small).Select(v => $"chart cell {v}"));
        }
        return found;
    }

    /// <summary>The numeric cells of every table body (td), so "3" in a Met column is caught.</summary>
    public static List<string> SmallCountsInTableCells(string html) =>
        [.. Cells().Matches(html).Select(m => m.Groups[1].Value.Trim()).Where(Small)];

    private static bool Small(string text) => int.TryParse(text, out var n) && n is >= 1 and <= 5;

    [GeneratedRegex("<p class=\"tile__counts\">([^<]*)</p>")]
    private static partial Regex TileCounts();

    [GeneratedRegex(@"\b\d[\d,]*\b")]
    private static partial Regex Numbers();

    [GeneratedRegex("<figure class=\"chart[^\"]*\".*?</figure>", RegexOptions.Singleline)]
    private static partial Regex ChartFigure();

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex PlainCells();

    [GeneratedRegex("<td class=\"num\">([^<]*)</td>")]
    private static partial Regex Cells();
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests;

/// <summary>Finds counts from 1 to 5 in what a councillor received: tile counts, table cells and chart JSON.</summary>
internal static partial class SuppressionScan
{
    /// <summary>"3 of 40 visits": the numbers in a tile's counts line.</summary>
    public static List<string> SmallCountsInTileCounts(string html) =>
        [.. TileCounts().Matches(html).SelectMany(m => Numbers().Matches(m.Groups[1].Value).Select(n => n.Value)).Where(Small)];

    /// <summary>Numerator, denominator (funnels) and count values in every chart's JSON data.</summary>
    public static List<string> SmallCountsInChartJson(string html, bool valuesAreCounts = false)
    {
        var found = new List<string>();
        foreach (Match m in ChartJson().Matches(html))
        {
            using var doc = JsonDocument.Parse(m.Groups[1].Value);
            foreach (var row in Rows(doc.RootElement))
            {
                foreach (var name in valuesAreCounts ? new[] { "numerator", "denominator", "value" } : ["numerator", "denominator"])
                {
                    if (row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDecimal() is >= 1 and <= 5)
                    {
                        found.Add($"{name}={v}");
                    }
                }
            }
        }
        return found;
    }

    /// <summary>The numeric cells of every table body (td), so "3" in a Met column is caught.</summary>
    public static List<string> SmallCountsInTableCells(string html) =>
        [.. Cells().Matches(html).Select(m => m.Groups[1].Value.Trim()).Where(Small)];

    private static bool Small(string text) => int.TryParse(text, out var n) && n is >= 1 and <= 5;

    private static IEnumerable<JsonElement> Rows(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                foreach (var v in values.EnumerateArray()) if (v.ValueKind == JsonValueKind.Object) yield return v;
            }
            foreach (var p in element.EnumerateObject()) foreach (var r in Rows(p.Value)) yield return r;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray()) foreach (var r in Rows(e)) yield return r;
        }
    }

    [GeneratedRegex("<p class=\"tile__counts\">([^<]*)</p>")]
    private static partial Regex TileCounts();

    [GeneratedRegex(@"\b\d[\d,]*\b")]
    private static partial Regex Numbers();

    [GeneratedRegex("<script type=\"application/json\" class=\"chart-spec\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartJson();

    [GeneratedRegex("<td class=\"num\">([^<]*)</td>")]
    private static partial Regex Cells();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Cli.Benchmarks.Circuit;

internal enum ClickState { Pending, Shown, Failed }

/// <summary>
/// The follow-up list ("Children to follow up", <c>section.exceptions</c>) as a person reads it on the page, and whether a
/// click has brought its new view: the address moved to the view asked for, the table no longer busy, the caption's page
/// the address's page, and no error above the list. The address moves only after the new rows have been drawn and
/// acknowledged (the list calls the history module after rendering), so a click the server silently ignored never
/// counts as shown.
/// </summary>
internal static partial class FollowUpListView
{
    public static CircuitNode? List(CircuitDocument document) =>
        document.Descendants().FirstOrDefault(n => n.Kind == NodeKind.Element && n.Name == "section" && n.HasClass("exceptions"));

    /// <summary>A header or pager link by the start of its text.</summary>
    public static CircuitNode? Link(CircuitNode list, string text) =>
        list.Descendants().Where(n => n.Kind == NodeKind.Element && n.Name is "thead" or "nav")
            .SelectMany(n => n.Elements("a")).FirstOrDefault(a => a.Text().StartsWith(text, StringComparison.Ordinal));

    public static CircuitNode? ById(CircuitNode list, string id) => list.Descendants().FirstOrDefault(n => n.Kind == NodeKind.Element && n.Attribute("id") == id);

    /// <summary>Where a click stands, given the address before it and what the new address must be.</summary>
    public static (ClickState State, string? Why) Judge(CircuitDocument document, string address, string before, Func<string, bool> expected)
    {
        if (List(document) is not { } list) return (ClickState.Failed, "the follow-up list is no longer on the page");
        if (list.Descendants().FirstOrDefault(n => n.Attribute("role") == "alert") is { } alert) return (ClickState.Failed, "the list shows an error: " + alert.Text());
        if (address == before || !expected(address)) return (ClickState.Pending, null);
        var table = list.Elements("table").FirstOrDefault();
        if (table is null) return (ClickState.Shown, null);
        if (table.Attribute("aria-busy") != "false") return (ClickState.Pending, null);
        var caption = table.Elements("caption").FirstOrDefault()?.Text() ?? "";
        var shownPage = CaptionPage().Match(caption) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var asked = QueryHelpers.ParseQuery(new Uri(new Uri("http://list/"), address).Query).TryGetValue("page", out var p)
            && int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return shownPage == asked ? (ClickState.Shown, null) : (ClickState.Failed, $"the address asks for page {asked} but the list shows \"{caption}\"");
    }

    /// <summary>The first row's cells, to tell one view of the list from another.</summary>
    public static string FirstRow(CircuitDocument document) =>
        List(document)?.Elements("tbody").FirstOrDefault()?.Elements("tr").FirstOrDefault()?.Text() ?? "";

    [GeneratedRegex(@"page (\d+) of \d+")]
    private static partial Regex CaptionPage();
}

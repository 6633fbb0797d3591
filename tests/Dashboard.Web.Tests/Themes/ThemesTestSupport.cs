using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Themes;

/// <summary>Findings written straight to the store, the viewer each role is, and reading figures out of the themes page.</summary>
internal static partial class ThemesTestSupport
{
    public static Viewer ViewerFor(AppRole role) =>
        new(DashboardTestHost.UserNameFor(role), $"Test {role}", role, new HashSet<string>(StringComparer.Ordinal));

    public static Task<long> AddFindingAsync(DashboardTestHost host, DateOnly letterDate, Theme theme, string title, params string[] indicatorIds) =>
        host.Services.GetRequiredService<FindingStore>().AddAsync(
            new FindingDraft(letterDate, theme, title, "What the letter said.", indicatorIds), DashboardTestHost.UserNameFor(AppRole.ImprovementLead));

    /// <summary>The figure cells of one indicator's row in a table of the page: the text after its id, cell by cell.</summary>
    public static IReadOnlyList<string> RowCells(string html, string indicatorId, int occurrence = 0)
    {
        var rows = Row().Matches(html).Where(m => m.Groups["id"].Value == indicatorId).ToList();
        if (rows.Count <= occurrence) return [];
        return [.. Cell().Matches(rows[occurrence].Groups["cells"].Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value.Trim()))];
    }

    [GeneratedRegex("""<span class="evidence__id">(?<id>[A-Z]+-\d\d)</span>.*?</th>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("""<td class="num">([^<]*)</td>""")]
    private static partial Regex Cell();
}

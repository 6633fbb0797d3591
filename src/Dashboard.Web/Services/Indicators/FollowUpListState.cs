using System.Globalization;

namespace Dashboard.Web.Services.Indicators;

/// <summary>One of the page's query values (name and value), in a form that crosses from the prerendered page to its circuit.</summary>
public sealed record QueryValue(string Name, string? Value);

/// <summary>A team a list can be filtered to.</summary>
public sealed record TeamChoice(string Id, string Name);

/// <summary>
/// What the "Children to follow up" list shows, as the query values it is written in (xteam, q, sort, dir, page): the
/// one place the list's links, its address-bar updates and its CSV link are made, so all three always say the same view.
/// </summary>
public sealed record FollowUpListState(string? Team, string? Search, string SortKey, bool Descending, int Page)
{
    /// <summary>The state a request asks for; an absent sort is the list's default (most overdue first).</summary>
    public static FollowUpListState Of(ExceptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(Blank(request.Team), Blank(request.Search), request.SortKey, request.Descending, Math.Max(1, request.Page));
    }

    /// <summary>Sorting by a column: a second click turns it round; a new column starts in its usual order (overdue: most first).</summary>
    public FollowUpListState SortedBy(string key) =>
        this with { SortKey = key, Descending = SortKey == key ? !Descending : key == "overdue", Page = 1 };

    /// <summary>A new team or search: the same order, from page 1 because the pages change.</summary>
    public FollowUpListState FilteredTo(string? team, string? search) => this with { Team = Blank(team), Search = Blank(search), Page = 1 };

    public FollowUpListState AtPage(int page) => this with { Page = page };

    /// <summary>The indicator page showing this state, keeping the page's own values (period, area, team, length).</summary>
    public string PageLink(string indicatorId, IEnumerable<QueryValue> pageValues) =>
        QueryLinks.With(IndicatorPath(indicatorId),
            [.. pageValues.Select(v => (v.Name, v.Value)), ("xteam", Team), ("q", Search), ("sort", SortKey), ("dir", Direction),
                ("page", Page.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>The CSV of exactly this list: its month, the team it shows (its own or the page's) and its search and order.</summary>
    public string CsvLink(string indicatorId, string period, string? pageTeam) =>
        QueryLinks.With(IndicatorPath(indicatorId) + "/exceptions.csv",
            ("period", period), ("team", Team ?? Blank(pageTeam)), ("q", Search), ("sort", SortKey), ("dir", Direction));

    public string Direction => Descending ? "desc" : "asc";

    private static string IndicatorPath(string indicatorId) => $"/indicators/{Uri.EscapeDataString(indicatorId)}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

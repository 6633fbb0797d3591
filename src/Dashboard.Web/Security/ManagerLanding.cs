using Microsoft.AspNetCore.Http;

namespace Dashboard.Web.Security;

/// <summary>
/// Where a team manager starts: their own team's overview, not the whole council's. Only a bare "/" (no query at all,
/// which is where sign-in and the brand link land) is sent on, so "Whole council" in the team filter (which sends
/// <c>team=</c>) still shows the council. With several teams the first (by id) is preselected; the filter lists the rest.
/// </summary>
public static class ManagerLanding
{
    /// <summary>The team to send this viewer to, or null to show what was asked for.</summary>
    public static string? TeamFor(Viewer viewer, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        if (!viewer.IsRestrictedToTeams || query.Count > 0 || viewer.TeamIds.Count == 0) return null;
        return viewer.TeamIds.Order(StringComparer.Ordinal).First();
    }

    /// <summary>
    /// The team the current address is for (?team=), kept on the main navigation's links so the choice follows a person
    /// from page to page; null when the address names none. An empty value (the whole council) is kept as empty.
    /// </summary>
    public static string? TeamInAddress(HttpContext? context) =>
        context?.Request.Query.TryGetValue("team", out var team) == true ? team.ToString() : null;

    /// <summary>A navigation link carrying the current team choice.</summary>
    public static string Link(string path, string? team) =>
        team is null ? path : $"{path}?team={Uri.EscapeDataString(team)}";
}

using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>Where the figures are for: the council, one service area or one team (fact_indicator's scope_level and scope_id).</summary>
public sealed record ScopeChoice(string Level, string Id, string Name)
{
    public const string CouncilLevel = "council";
    public const string AreaLevel = "service_area";
    public const string TeamLevel = "team";
    public const string WorkerLevel = "worker";

    public bool IsCouncil => Level == CouncilLevel;
}

/// <summary>The scope asked for by the query string (?area=..&amp;team=..), and the areas and teams this viewer may pick.</summary>
public sealed record ScopeContext(ScopeChoice Selected, string? AreaId, string? TeamId,
    IReadOnlyList<(string Id, string Name)> Areas, IReadOnlyList<TeamInfo> Teams)
{
    /// <summary>The teams inside the selected scope that the viewer may see, for breakdowns by team.</summary>
    public IReadOnlyList<TeamInfo> TeamsInScope => Selected.Level switch
    {
        ScopeChoice.TeamLevel => [.. Teams.Where(t => t.TeamId == Selected.Id)],
        ScopeChoice.AreaLevel => [.. Teams.Where(t => t.ServiceAreaId == Selected.Id)],
        _ => Teams,
    };
}

/// <summary>
/// Resolves ?area= and ?team= for a viewer. A manager sees the council's figures and their own teams' only: another
/// team, or a service area, is refused (403 and an audit row), not quietly swapped for something else.
/// </summary>
public sealed class IndicatorScopes(CachedScopeSeries queries)
{
    public async Task<ScopeContext> ResolveAsync(Viewer viewer, string? area, string? team, string councilName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        area = Blank(area);
        team = Blank(team);
        var all = await queries.TeamsAsync(cancellationToken);
        var teams = all.Where(t => viewer.MaySeeTeam(t.TeamId)).ToList();
        var areas = viewer.IsRestrictedToTeams
            ? []
            : all.Where(t => t.ServiceAreaId is not null).GroupBy(t => t.ServiceAreaId!)
                .Select(g => (Id: g.Key, Name: g.First().ServiceAreaName ?? g.Key)).OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
        if (team is not null)
        {
            viewer.RequireTeam(team, "The figures asked for");
            var found = all.FirstOrDefault(t => t.TeamId == team);
            // The form sends both: a team left selected from another area means the person has just picked a new area.
            if (area is null || found?.ServiceAreaId is null || found.ServiceAreaId == area)
            {
                var selected = new ScopeChoice(ScopeChoice.TeamLevel, team, found?.TeamName ?? team);
                var teamArea = found?.ServiceAreaId ?? area;
                return new ScopeContext(selected, viewer.IsRestrictedToTeams ? null : teamArea, team, areas,
                    teamArea is null || viewer.IsRestrictedToTeams ? teams : [.. teams.Where(t => t.ServiceAreaId == teamArea)]);
            }
        }
        if (area is not null)
        {
            if (viewer.IsRestrictedToTeams) throw new AccessDeniedException("Service area figures are for other teams as well as yours.");
            var name = areas.FirstOrDefault(a => a.Id == area).Name ?? area;
            return new ScopeContext(new ScopeChoice(ScopeChoice.AreaLevel, area, name), area, null, areas,
                [.. teams.Where(t => t.ServiceAreaId == area)]);
        }
        return new ScopeContext(new ScopeChoice(ScopeChoice.CouncilLevel, ScopeChoice.CouncilLevel, councilName), null, null, areas, teams);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

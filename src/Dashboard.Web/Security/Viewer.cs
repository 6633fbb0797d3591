using System.Security.Claims;
using Dashboard.Data.App;

namespace Dashboard.Web.Security;

/// <summary>
/// The signed-in person as every data service sees them, and the one place the access rules are written.
/// Services call these rules before they read anything; pages only use them to decide what to link to.
/// </summary>
public sealed record Viewer(string UserName, string DisplayName, AppRole Role, IReadOnlySet<string> TeamIds)
{
    public const string TeamClaim = "dashboard:team";
    public const string DisplayNameClaim = "dashboard:display-name";

    public static Viewer From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is not { Length: > 0 } name)
        {
            throw new AccessDeniedException("Sign in to see this page.");
        }
        var role = user.FindFirstValue(ClaimTypes.Role) is { } r ? Roles.Parse(r) : throw new AccessDeniedException("Your account has no role.");
        var teams = user.FindAll(TeamClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Viewer(name, user.FindFirstValue(DisplayNameClaim) ?? name, role, teams);
    }

    /// <summary>Child-level data: exception lists, timelines, exports of them.</summary>
    public bool SeesChildren => Role is AppRole.Director or AppRole.ImprovementLead or AppRole.Manager or AppRole.Analyst;

    /// <summary>
    /// Figures for named workers (funnel plots, worker breakdowns). Councillors see teams, not people; an admin runs
    /// accounts and the audit, which needs no one's caseload figures, so least privilege leaves them out too.
    /// </summary>
    public bool SeesWorkers => Role is not (AppRole.Councillor or AppRole.Admin);

    /// <summary>Counts from 1 to the threshold are shown as c, with secondary suppression (DOMAIN.md).</summary>
    public bool SeesSuppressedFigures => Role == AppRole.Councillor;

    /// <summary>Managers see detail only for the teams assigned to them.</summary>
    public bool IsRestrictedToTeams => Role == AppRole.Manager;

    public bool MaySeeTeam(string teamId) => !IsRestrictedToTeams || TeamIds.Contains(teamId);

    public bool ManagesFindings => Role is AppRole.ImprovementLead or AppRole.Admin;

    public bool SeesAuditLog => Role == AppRole.Admin;

    public bool SeesDataQuality => Role != AppRole.Councillor;

    /// <summary>The load's own names (source tables such as ssd_cin_visits, rule codes such as date_future) beside the plain
    /// words: analysts fix the source and need them; everyone else reads the words.</summary>
    public bool SeesTechnicalNames => Role == AppRole.Analyst;

    /// <summary>The rejected rows themselves hold child data as it arrived, so only the analysts who fix the source see them.</summary>
    public bool SeesQuarantinedRows => Role == AppRole.Analyst;

    public void RequireChildren(string what)
    {
        if (!SeesChildren) throw new AccessDeniedException($"Your role ({Role.Describe()}) cannot see {what}.");
    }

    public void RequireTeam(string teamId, string what)
    {
        if (!MaySeeTeam(teamId)) throw new AccessDeniedException($"{what} is for a team that is not assigned to you.");
    }
}

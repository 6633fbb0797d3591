using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Admin;

/// <summary>The administrator's read-only views: the audit log and the accounts. Accounts are changed only with the
/// <c>dashboard users</c> command, so there is nothing here that writes.</summary>
public sealed class AdminService(AuditLog log, UserStore users, IndicatorQueries indicators)
{
    public const int AuditRowsPerPage = 50;

    public Task<AuditPage> AuditAsync(Viewer viewer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesAuditLog) throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot see the audit log.");
        return log.RecentAsync(query, cancellationToken);
    }

    public Task<IReadOnlyList<AppUser>> UsersAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Role != AppRole.Admin) throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot see the list of users.");
        return users.ListAsync(cancellationToken);
    }

    /// <summary>Team names by team id, so the users page names a manager's teams (an id the warehouse does not know shows as itself).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TeamNamesAsync(CancellationToken cancellationToken = default) =>
        (await indicators.TeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
}

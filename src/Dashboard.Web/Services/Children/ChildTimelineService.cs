using Dashboard.Data.App;
using Dashboard.Data.Children;
using Dashboard.Data.Indicators;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Children;

/// <summary>One child's record as the timeline page shows it: who they are, every event by date, what was overdue when,
/// and the teams that have worked with them.</summary>
public sealed record ChildTimeline(
    ChildHeader Child, IReadOnlyList<ChildEvent> Events, IReadOnlyList<StoredExceptionRow> Overdue, IReadOnlyList<string> TeamIds);

/// <summary>
/// Reads a child's timeline for a viewer, applying the rules before reading anything about the child: only roles that see
/// children, and a manager only for a child one of their teams has worked with. Every view is audited (who looked at
/// which child, never what the record held).
/// </summary>
public sealed class ChildTimelineService(ChildTimelineQueries queries, AuditTrail audit)
{
    /// <summary>The audit resource for a child's timeline.</summary>
    public static string Resource(string personId) => "/children/" + personId;

    /// <summary>The child's timeline, or null when the warehouse does not know the person.</summary>
    /// <exception cref="AccessDeniedException">The viewer's role does not see children, or (a manager) the child is not one of their teams'.</exception>
    public async Task<ChildTimeline?> GetAsync(Viewer viewer, string personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // Refuse before looking the child up, so a councillor cannot learn from the answer whether an id exists.
        viewer.RequireChildren("a child's timeline");
        var id = personId?.Trim() ?? "";
        if (id.Length == 0 || id.Length > 64)
        {
            return null;
        }
        var child = await queries.ChildAsync(id, cancellationToken);
        if (child is null)
        {
            await audit.RecordAsync(AuditActions.ViewChildTimeline, Resource(id), AuditOutcome.Failed, "No such child", cancellationToken);
            return null;
        }
        var teams = await queries.TeamsForChildAsync(id, cancellationToken);
        if (viewer.IsRestrictedToTeams && !teams.Any(viewer.MaySeeTeam))
        {
            throw new AccessDeniedException("This child has not been worked with by a team assigned to you.");
        }
        var events = await queries.TimelineAsync(id, cancellationToken);
        var overdue = await queries.ExceptionsForChildAsync(id, cancellationToken);
        await audit.RecordAsync(AuditActions.ViewChildTimeline, Resource(child.PersonId), cancellationToken: cancellationToken);
        return new ChildTimeline(child, events, overdue, teams);
    }
}

using System.Globalization;
using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Themes;

/// <summary>What happened to a create or update: the finding's id when stored, else the problems to show on the form.</summary>
public sealed record FindingEditResult(long? FindingId, IReadOnlyList<FindingError> Errors, bool NotFound = false)
{
    public bool Succeeded => FindingId is not null && Errors.Count == 0 && !NotFound;
}

/// <summary>
/// Adds, changes and deletes findings for the people who manage them (<see cref="Viewer.ManagesFindings"/>: improvement
/// leads and administrators); anyone else gets <see cref="AccessDeniedException"/>, whether they came by the form or by a
/// hand-made POST. Every change is written to the audit log (which finding and what was done, not its text).
/// </summary>
public sealed class FindingEditor(FindingStore store, AuditTrail audit, TimeProvider clock)
{
    public static void RequireManage(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.ManagesFindings)
        {
            throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot add or change findings: ask an improvement lead.");
        }
    }

    /// <summary>The finding to edit, or null when there is none with that id.</summary>
    public async Task<Finding?> GetAsync(Viewer viewer, long findingId, CancellationToken cancellationToken = default)
    {
        RequireManage(viewer);
        return await store.GetAsync(findingId, cancellationToken);
    }

    public async Task<FindingEditResult> CreateAsync(Viewer viewer, FindingInput input, CancellationToken cancellationToken = default)
    {
        RequireManage(viewer);
        var (draft, errors) = FindingValidation.Validate(input, Today());
        if (draft is null) return new FindingEditResult(null, errors);
        var id = await store.AddAsync(draft, viewer.UserName, cancellationToken);
        await audit.RecordAsync(AuditActions.EditFinding, Resource(id), detail: $"added a finding under {draft.Theme} linked to {draft.IndicatorIds.Count} indicators",
            cancellationToken: cancellationToken);
        return new FindingEditResult(id, []);
    }

    public async Task<FindingEditResult> UpdateAsync(Viewer viewer, long findingId, FindingInput input, CancellationToken cancellationToken = default)
    {
        RequireManage(viewer);
        var (draft, errors) = FindingValidation.Validate(input, Today());
        if (draft is null) return new FindingEditResult(findingId, errors);
        if (!await store.UpdateAsync(findingId, draft, cancellationToken)) return new FindingEditResult(null, [], NotFound: true);
        await audit.RecordAsync(AuditActions.EditFinding, Resource(findingId),
            detail: $"changed the finding (now under {draft.Theme}, linked to {draft.IndicatorIds.Count} indicators)", cancellationToken: cancellationToken);
        return new FindingEditResult(findingId, []);
    }

    /// <summary>False when there was no such finding.</summary>
    public async Task<bool> DeleteAsync(Viewer viewer, long findingId, CancellationToken cancellationToken = default)
    {
        RequireManage(viewer);
        if (!await store.DeleteAsync(findingId, cancellationToken)) return false;
        await audit.RecordAsync(AuditActions.EditFinding, Resource(findingId), detail: "deleted the finding", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Today where the council is (the server's time zone), the latest date a letter can carry.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string Resource(long findingId) => "/themes/findings/" + findingId.ToString(CultureInfo.InvariantCulture);
}

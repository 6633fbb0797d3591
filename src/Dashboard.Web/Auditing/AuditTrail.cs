using Dashboard.Data.App;
using Dashboard.Web.Circuits;
using Dashboard.Web.Security;

namespace Dashboard.Web.Auditing;

/// <summary>
/// Writes who saw which child-level data, and every export, sign-in and refusal, to app_audit: who, what, when,
/// from where. Never the data itself: a row says "viewed the timeline of child P001234", not what it held.
/// </summary>
/// <remarks>Inside a circuit (the interactive parts of a page) the person and address come from <see cref="CircuitUser"/>,
/// so a child-level view made over the circuit writes the same row as the page view would.</remarks>
public sealed class AuditTrail(AuditLog log, IHttpContextAccessor http, TimeProvider clock, CircuitUser circuit)
{
    public Task RecordAsync(string action, string resource, AuditOutcome outcome = AuditOutcome.Allowed, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        var context = circuit.Principal is null ? http.HttpContext : null;
        var user = circuit.Principal ?? context?.User;
        var name = user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        var role = name is null ? null : user!.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value;
        var address = circuit.Principal is null ? context?.Connection.RemoteIpAddress : circuit.RemoteAddress;
        return log.WriteAsync(new AuditEntry(clock.GetUtcNow(), name, role, action, resource, outcome,
            address?.ToString(), detail), cancellationToken);
    }

    /// <summary>For a sign-in, where the person is not yet on the request.</summary>
    public Task RecordSignInAsync(string userName, AuditOutcome outcome, string? detail, CancellationToken cancellationToken = default) =>
        log.WriteAsync(new AuditEntry(clock.GetUtcNow(), userName, null, AuditActions.SignIn, "/signin", outcome,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString(), detail), cancellationToken);

    /// <summary>For a sign-in through the council's identity provider: the name (null when the answer was refused before
    /// one was known) and the role their groups gave (null when refused).</summary>
    public Task RecordProviderSignInAsync(string? userName, string? role, AuditOutcome outcome, string? detail,
        CancellationToken cancellationToken = default) =>
        log.WriteAsync(new AuditEntry(clock.GetUtcNow(), userName, role, AuditActions.SignIn, "/signin-oidc", outcome,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString(), detail), cancellationToken);
}

/// <summary>The actions the audit log records, by the names the Admin's audit page filters on.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string ChangePassword = "change-password";
    public const string ViewExceptions = "view-exceptions";
    public const string ExportExceptions = "export-exceptions";
    public const string ViewChildTimeline = "view-child-timeline";
    public const string ViewQuarantinedRows = "view-quarantined-rows";
    public const string EditFinding = "edit-finding";
    public const string DownloadPack = "download-pack";
    public const string Denied = "denied";
}

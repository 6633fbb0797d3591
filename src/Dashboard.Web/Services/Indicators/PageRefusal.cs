using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// Answers a page request with 403 or 404 while the page itself renders the explanation. Re-executing the status
/// page after a component page has started rendering fails in .NET 10 ("HttpNavigationManager already
/// initialized"), so the page turns the status-code page off for this response and says why itself; the refusal
/// is audited exactly as <see cref="Security.AccessDeniedHandling"/> does it.
/// </summary>
public static class PageRefusal
{
    public static async Task DeniedAsync(HttpContext context, AuditTrail audit, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(audit);
        Respond(context, StatusCodes.Status403Forbidden);
        await audit.RecordAsync(AuditActions.Denied, context.Request.Path + context.Request.QueryString, AuditOutcome.Denied, reason);
    }

    public static void NotFound(HttpContext context) => Respond(context, StatusCodes.Status404NotFound);

    private static void Respond(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.StatusCode = status;
    }
}

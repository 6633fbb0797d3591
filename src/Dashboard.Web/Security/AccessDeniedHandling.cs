using Dashboard.Data.App;
using Dashboard.Web.Auditing;

namespace Dashboard.Web.Security;

/// <summary>
/// Turns an <see cref="AccessDeniedException"/> from any data service into 403 Forbidden (the status-code page then
/// explains it) and writes the refusal to the audit log, so a person probing URLs shows up there.
/// </summary>
public static class AccessDeniedHandling
{
    public const string ReasonItem = "dashboard:access-denied-reason";

    public static IApplicationBuilder UseAccessDeniedHandling(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (AccessDeniedException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Items[ReasonItem] = ex.Message;
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(AuditActions.Denied, context.Request.Path + context.Request.QueryString, AuditOutcome.Denied, ex.Message);
        }
    });
}

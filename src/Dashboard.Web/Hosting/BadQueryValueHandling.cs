using Dashboard.Web.Security;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Turns a <see cref="BadQueryValueException"/> from any page or service into 400 Bad Request; the status-code page then
/// shows the exception's sentence (which parameter, and what it should be). No audit row: a mistyped link is not a
/// refusal.
/// </summary>
public static class BadQueryValueHandling
{
    public static IApplicationBuilder UseBadQueryValueHandling(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadQueryValueException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Items[AccessDeniedHandling.ReasonItem] = ex.Message;
        }
    });
}

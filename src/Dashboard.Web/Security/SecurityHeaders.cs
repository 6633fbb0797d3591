namespace Dashboard.Web.Security;

/// <summary>
/// Headers on every response. The content security policy allows scripts only from this server (no inline script:
/// chart specs travel as JSON in script blocks of type application/json, which browsers never run). Pages are
/// marked no-store because they hold data about children or figures about them; only /assets may be cached.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// style-src allows inline styles because Vega writes style attributes into the SVG it draws; script-src does
    /// not allow eval because charts run Vega's expression interpreter instead of compiling expressions.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboardSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}

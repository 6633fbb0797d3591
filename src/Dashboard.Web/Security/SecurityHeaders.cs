namespace Dashboard.Web.Security;

/// <summary>
/// Headers on every response. The content security policy allows scripts only from this server (our own files and
/// blazor.web.js, all under /assets) and no inline script; the circuit's connection goes to this server only
/// (connect-src 'self' covers its WebSocket). Pages are
/// marked no-store because they hold data about children or figures about them; only /assets may be cached.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// script-src allows neither eval nor inline script; style-src allows no inline style either: the charts carry
    /// presentation attributes, not style attributes, and the reconnect message is our own markup styled by app.css
    /// (blazor.web.js's built-in one would inject a style element).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy with the council's identity provider (its origin) allowed as a form's destination: signing out is a
    /// form post that ends at the provider's sign-out, and browsers check form-action on every redirect of a form.
    /// </summary>
    public static string ContentSecurityPolicyFor(string? providerOrigin) => providerOrigin is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {providerOrigin}", StringComparison.Ordinal);

    public static IApplicationBuilder UseDashboardSecurityHeaders(this IApplicationBuilder app, string? providerOrigin = null) => app.Use(async (context, next) =>
    {
        var policy = ContentSecurityPolicyFor(providerOrigin);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
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

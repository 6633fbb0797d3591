using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security;

/// <summary>
/// Someone signed in with a password an administrator set (a new or reset account) must choose their own before
/// anything else: every request but the change itself, signing out, the assets and the status pages is sent to the
/// change page. The flag is a claim the cookie carries and <see cref="LocalAccounts.ValidateAsync"/> refreshes from
/// the account on each request, so it lifts as soon as the password is changed.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string Claim = "dashboard:password-must-change";

    public const string PagePath = "/account/password";

    private static readonly string[] Allowed = [PagePath, "/signout", "/signin", "/assets/", "/status/", "/error", "/health"];

    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
            && user.HasClaim(c => c.Type == Claim)
            && !Allowed.Any(a => context.Request.Path.StartsWithSegments(a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            // 303: a refused POST (making a pack, say) becomes a GET of the change page rather than a re-post.
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = PagePath + "?required=1";
            return;
        }
        await next(context);
    });
}

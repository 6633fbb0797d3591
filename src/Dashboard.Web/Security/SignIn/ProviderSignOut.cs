using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// Signing out of a provider session: the dashboard's cookie always goes, and where the provider advertises an
/// end_session_endpoint the browser is sent there too (with id_token_hint and post_logout_redirect_uri), so the
/// person is not still signed in at the provider on a shared computer. The provider sends them back to
/// /signout-callback-oidc and on to the sign-in page.
/// </summary>
public static partial class ProviderSignOut
{
    /// <summary>The sign-in page's note when both sessions ended.</summary>
    public const string BothEnded = "provider";

    /// <summary>The sign-in page's note when only the dashboard's ended (the provider offers no sign-out, or could not be reached).</summary>
    public const string DashboardOnly = "dashboard-only";

    /// <returns>True when the response is now a redirect to the provider's sign-out.</returns>
    public static async Task<bool> SignOutAsync(HttpContext context, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await ProviderEndsSessionsAsync(context, logger))
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return false;
        }
        // The provider's sign-out first: it reads the identity token from the cookie still on this request.
        await context.SignOutAsync(ProviderSignIn.SchemeName, new AuthenticationProperties { RedirectUri = "/signin?signedOut=" + BothEnded });
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return true;
    }

    private static async Task<bool> ProviderEndsSessionsAsync(HttpContext context, ILogger logger)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ProviderSignIn.SchemeName);
        if (options.ConfigurationManager is null) return false;
        try
        {
            var configuration = await options.ConfigurationManager.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            // The dashboard's own session still ends; the page tells the person to close the browser.
            ProviderUnreachable(logger, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity provider's settings could not be read to sign out of it too ({Error}).")]
    private static partial void ProviderUnreachable(ILogger logger, string error);
}

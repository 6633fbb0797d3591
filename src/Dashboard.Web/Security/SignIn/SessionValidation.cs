using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// Checks the session cookie on every request by how the person signed in: a provider sign-in by
/// <see cref="ProviderSession"/>, a local one by <see cref="LocalAccounts"/> (the account is re-read). With local
/// accounts switched off, a session that began with a password before the switch ends at the next request.
/// </summary>
public static class SessionValidation
{
    public static Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity?.AuthenticationType == ProviderSignIn.SchemeName) return ProviderSession.ValidateAsync(context);
        if (!context.HttpContext.RequestServices.GetRequiredService<SignInSettings>().LocalAccountsEnabled)
        {
            context.RejectPrincipal();
            return Task.CompletedTask;
        }
        return LocalAccounts.ValidateAsync(context);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// Whether a session still stands, by how the person signed in: a provider sign-in by <see cref="ProviderSession"/>,
/// a local or trusted-header one by <see cref="LocalAccounts"/> (the account is re-read). With local accounts switched
/// off, a session that began with a password before the switch ends. One rule for both places that ask: the cookie on
/// every request, and an open circuit at each revalidation (<see cref="CircuitSessionRevalidation"/>).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await CheckAsync(context.Principal!, context.HttpContext.RequestServices, context.HttpContext.RequestAborted);
        if (!outcome.Stands)
        {
            context.RejectPrincipal();
        }
        else if (outcome.Replacement is { } current)
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    public static Task<SessionOutcome> CheckAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(services);
        if (principal.Identity?.IsAuthenticated != true) return Task.FromResult(SessionOutcome.Ended);
        var scheme = principal.Identity.AuthenticationType;
        if (scheme == ProviderSignIn.SchemeName) return Task.FromResult(ProviderSession.CheckSession(principal, services));
        if (scheme != TrustedHeaderAuthentication.SchemeName && !services.GetRequiredService<SignInSettings>().LocalAccountsEnabled)
        {
            return Task.FromResult(SessionOutcome.Ended);
        }
        return LocalAccounts.CheckSessionAsync(principal, services, cancellationToken);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// Sign-in through the council's identity provider: OpenID Connect's authorization code flow with PKCE, the answer
/// coming back to /signin-oidc. The provider's claims are used as sent (no renaming to Microsoft's long claim types), its
/// groups are mapped to a role here (<see cref="AccessResolver"/>), and the person then holds the same session cookie as
/// everyone else, marked as a provider sign-in (<see cref="ProviderSession"/>). Only the identity token is kept (for
/// signing out of the provider too); nothing from the provider is ever logged or audited but the person's name.
/// </summary>
public static class ProviderSignIn
{
    public const string SchemeName = "OpenIdConnect";

    /// <summary>Where the sign-in page's "Sign in with ..." link starts the flow.</summary>
    public const string StartPath = "/signin/provider";

    /// <summary>The plain page for someone the provider knows but whose groups give no access here.</summary>
    public const string NoAccessPath = "/no-access";

    public static AuthenticationBuilder AddProviderSignIn(this AuthenticationBuilder builder, SignInSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider is not { } provider) return builder;
        return builder.AddOpenIdConnect(SchemeName, provider.DisplayName, o =>
        {
            o.Authority = provider.Authority.ToString();
            o.ClientId = provider.ClientId;
            o.ClientSecret = provider.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
            // (a form_post answer would need SameSite=None) and no script or form is involved.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = !provider.IsLoopback;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.SaveTokens = true;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.TokenValidationParameters.NameClaimType = provider.UserNameClaim;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTicketReceived = ProviderSignInEvents.TicketReceivedAsync;
            o.Events.OnRemoteFailure = ProviderSignInEvents.RemoteFailureAsync;
        });
    }
}

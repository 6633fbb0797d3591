using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// What happens when the provider's answer arrives: a valid token becomes a session here only if the person's groups
/// give a role (<see cref="AccessResolver"/>); otherwise they see the plain "no access" page. A refused answer (an
/// expired or altered token, an error from the provider) sends them back to the sign-in page with a plain message.
/// Every outcome is an audit row; the reason is for the administrator, the person sees no technical words.
/// </summary>
internal static class ProviderSignInEvents
{
    public static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var provider = services.GetRequiredService<SignInSettings>().Provider!;
        var audit = services.GetRequiredService<AuditTrail>();
        var incoming = context.Principal!;
        var ct = context.HttpContext.RequestAborted;

        var userName = incoming.FindFirst(provider.UserNameClaim)?.Value.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName))
        {
            await audit.RecordProviderSignInAsync(null, null, AuditOutcome.Failed,
                $"the provider sent no '{provider.UserNameClaim}' claim ({ProviderSettings.Section}:UserNameClaim)", ct);
            Refuse(context, ProviderSignIn.NoAccessPath);
            return;
        }
        var values = provider.AccessClaims.SelectMany(incoming.FindAll).Select(c => c.Value).ToList();
        switch (AccessResolver.Resolve(values, provider.Groups))
        {
            case AccessDecision.Granted granted:
                var displayName = incoming.FindFirst(provider.DisplayNameClaim)?.Value is { Length: > 0 } d ? d : userName;
                var signedInAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Principal = ProviderSession.PrincipalFor(userName, displayName, granted, signedInAt);
                // Only the identity token is kept (as id_token_hint when signing out of the provider): the access token
                // is not used here, and the smaller the cookie the better.
                var idToken = context.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken);
                context.Properties?.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                context.ReturnUri = AccountEndpoints.SafeReturnUrl(context.ReturnUri);
                await audit.RecordProviderSignInAsync(userName, granted.Role.ToString(), AuditOutcome.Allowed,
                    $"through {provider.DisplayName}; groups {string.Join(", ", granted.Groups)}", ct);
                return;
            case AccessDecision.Conflict conflict:
                await audit.RecordProviderSignInAsync(userName, null, AuditOutcome.Denied,
                    $"groups give {string.Join(" and ", conflict.Roles)}, which no one role covers: put the person in one role's groups", ct);
                Refuse(context, ProviderSignIn.NoAccessPath + "?reason=conflict");
                return;
            default:
                await audit.RecordProviderSignInAsync(userName, null, AuditOutcome.Denied, NoGroupDetail(incoming, values.Count), ct);
                Refuse(context, ProviderSignIn.NoAccessPath);
                return;
        }
    }

    public static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
        await audit.RecordProviderSignInAsync(null, null, AuditOutcome.Failed, Describe(context.Failure), context.HttpContext.RequestAborted);
        context.Response.Redirect("/signin?failed=provider");
        context.HandleResponse();
    }

    /// <summary>Why the provider's answer was refused, for the audit log (never the token or the exception's text,
    /// which can quote the token).</summary>
    internal static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the provider's identity token had expired",
        SecurityTokenNotYetValidException => "the provider's identity token is not valid yet (check the clocks)",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "the provider's identity token failed its signature check (altered, or not from the provider)",
        SecurityTokenInvalidIssuerException => "the identity token names another issuer than the configured authority",
        SecurityTokenInvalidAudienceException => "the identity token was issued for another application",
        OpenIdConnectProtocolException => "the provider answered with an error, or the answer broke the protocol",
        null => "the sign-in through the provider failed",
        _ when failure.Message.StartsWith("Correlation failed", StringComparison.Ordinal) =>
            "the answer from the provider did not match a sign-in started in this browser (correlation failed)",
        _ => $"the provider's answer was refused ({failure.GetType().Name})",
    };

    /// <summary>Microsoft Entra ID leaves the groups out of the token when someone is in too many (over 200) and says so instead.</summary>
    private static string NoGroupDetail(System.Security.Claims.ClaimsPrincipal incoming, int count) =>
        incoming.HasClaim(c => c.Type is "hasgroups" || (c.Type == "_claim_names" && c.Value.Contains("groups", StringComparison.Ordinal)))
            ? "the provider left the groups out of the token (the person is in too many): send only the groups assigned to the application, or use app roles"
            : $"none of the person's {count} groups or roles is mapped in {ProviderSettings.Section}:Groups";

    private static void Refuse(TicketReceivedContext context, string path)
    {
        context.Response.Redirect(path);
        context.HandleResponse();
    }
}

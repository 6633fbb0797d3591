using System.Text.Encodings.Web;
using Dashboard.Data.App;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// For councils that sign people in at a reverse proxy: the proxy puts the user name in a header and this handler
/// trusts it only from the proxies listed in Dashboard:Web:TrustedHeader:Proxies. The person must still have an
/// account here (their role and teams come from it), and a disabled account is refused. Off by default.
/// </summary>
public sealed class TrustedHeaderAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WebSecuritySettings settings, UserStore users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TrustedHeader";

    /// <summary>Where the pipeline keeps the connecting address before forwarded headers rewrite it.</summary>
    public const string PeerAddressItem = "dashboard:peer-address";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Items[PeerAddressItem] as System.Net.IPAddress ?? Context.Connection.RemoteIpAddress;
        if (remote is null || !settings.TrustedProxies.Any(p => p.Equals(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
        {
            return AuthenticateResult.NoResult();
        }
        if (Request.Headers[settings.TrustedHeaderName].ToString() is not { Length: > 0 } name) return AuthenticateResult.NoResult();
        var user = await users.FindAsync(name.Trim().ToLowerInvariant(), Context.RequestAborted);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail($"The proxy signed in '{name}', who has no enabled account here.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(LocalAccounts.PrincipalFor(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

using System.Globalization;
using System.Security.Claims;
using Dashboard.Data.App;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// A session that began at the provider. The cookie holds the person's name, the role and teams their groups gave,
/// and the groups themselves; on every request the groups are mapped again with the current settings (so a change to
/// the mapping applies at the next click, as a change to a local account does), and after
/// <see cref="ProviderSettings.MaxSession"/> the person signs in again, so a change at the provider (someone removed
/// from a group, or leaving) reaches the dashboard within that time.
/// </summary>
public static class ProviderSession
{
    public const string GroupClaim = "dashboard:access-group";
    public const string SignedInAtClaim = "dashboard:signed-in-at";

    public static ClaimsPrincipal PrincipalFor(string userName, string displayName, AccessDecision.Granted access, DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(access);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userName),
            new(Viewer.DisplayNameClaim, displayName),
            new(ClaimTypes.Role, access.Role.ToString()),
            new(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(access.Teams.Order(StringComparer.Ordinal).Select(t => new Claim(Viewer.TeamClaim, t)));
        claims.AddRange(access.Groups.Select(g => new Claim(GroupClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ProviderSignIn.SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Maps the groups again with the current settings and ends a session older than the provider's maximum.</summary>
    public static SessionOutcome CheckSession(ClaimsPrincipal principal, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(services);
        var provider = services.GetRequiredService<SignInSettings>().Provider;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (provider is null
            || !long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > provider.MaxSession
            || AccessResolver.Resolve(principal.FindAll(GroupClaim).Select(c => c.Value), provider.Groups) is not AccessDecision.Granted access)
        {
            return SessionOutcome.Ended;
        }
        var role = principal.FindFirstValue(ClaimTypes.Role);
        var teams = principal.FindAll(Viewer.TeamClaim).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (role == access.Role.ToString() && teams.SequenceEqual(access.Teams.Order(StringComparer.Ordinal))) return SessionOutcome.Unchanged;
        var name = principal.Identity!.Name!;
        return SessionOutcome.Changed(PrincipalFor(name, principal.FindFirstValue(Viewer.DisplayNameClaim) ?? name, access,
            DateTimeOffset.FromUnixTimeSeconds(seconds)));
    }
}

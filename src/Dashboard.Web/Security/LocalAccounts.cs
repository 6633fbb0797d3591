using System.Security.Claims;
using Dashboard.Data.App;
using Dashboard.Web.Security.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>The result of checking a user name and password: the person to sign in, or why not (for the audit log only).</summary>
public sealed record SignInCheck(ClaimsPrincipal? Principal, string? FailureReason)
{
    public bool Succeeded => Principal is not null;
}

/// <summary>
/// Local accounts: checks a password against app_user, counts failures and locks an account after
/// <see cref="WebSecuritySettings.MaxFailedSignIns"/> in a row. Every failure looks the same to the person
/// signing in (no hint whether the name exists); the audit log records the real reason.
/// </summary>
public sealed class LocalAccounts(UserStore users, TimeProvider clock, WebSecuritySettings settings)
{
    public async Task<SignInCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var name = userName.Trim().ToLowerInvariant();
        var user = name.Length == 0 ? null : await users.FindAsync(name, cancellationToken);
        var verdict = PasswordRules.Verify(user?.PasswordHash, password);
        if (user is null) return new SignInCheck(null, "unknown user");
        var now = clock.GetUtcNow();
        if (user.IsDisabled) return new SignInCheck(null, "account disabled");
        if (user.IsLockedAt(now)) return new SignInCheck(null, $"account locked until {user.LockedUntil:HH:mm} UTC");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = await users.RecordFailedSignInAsync(name, now, settings.MaxFailedSignIns, settings.LockoutDuration, cancellationToken);
            return new SignInCheck(null, locked.Locked ? "wrong password; account now locked" : "wrong password");
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordAsync(name, PasswordRules.Hash(password), user.PasswordMustChange, cancellationToken);
        }
        await users.RecordSignInAsync(name, now, cancellationToken);
        return new SignInCheck(PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme), null);
    }

    /// <summary>The claims every sign-in method gives a person: name, display name, role, the teams they manage, and
    /// whether they must choose a new password first.</summary>
    public static ClaimsPrincipal PrincipalFor(AppUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(Viewer.DisplayNameClaim, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
        };
        claims.AddRange(user.Teams.Select(t => new Claim(Viewer.TeamClaim, t)));
        // Only a local sign-in has a password here to change; behind the council's proxy the flag means nothing.
        if (user.PasswordMustChange && scheme == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            claims.Add(new Claim(PasswordChangeRequirement.Claim, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Re-reads the account, so disabling someone, or changing their role or teams, takes effect at the next request
    /// (or, for an open circuit, at its next revalidation) rather than when their cookie expires. One indexed lookup.
    /// </summary>
    public static async Task<SessionOutcome> CheckSessionAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(services);
        var name = principal.Identity?.Name;
        var store = services.GetRequiredService<UserStore>();
        var user = name is null ? null : await store.FindAsync(name, cancellationToken);
        if (user is null || user.IsDisabled) return SessionOutcome.Ended;
        var current = PrincipalFor(user, principal.Identity?.AuthenticationType ?? CookieAuthenticationDefaults.AuthenticationScheme);
        return SameClaims(principal, current) ? SessionOutcome.Unchanged : SessionOutcome.Changed(current);
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.Claims.Select(c => (c.Type, c.Value)).Order().SequenceEqual(b.Claims.Select(c => (c.Type, c.Value)).Order());
}

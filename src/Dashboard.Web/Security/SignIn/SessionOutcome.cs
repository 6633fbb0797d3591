using System.Security.Claims;

namespace Dashboard.Web.Security.SignIn;

/// <summary>Whether a signed-in session still stands: as it is, with new claims (a role, teams or the password-change
/// flag changed), or ended (account disabled or gone, provider session too old, no mapped group any more).</summary>
public sealed record SessionOutcome(bool Stands, ClaimsPrincipal? Replacement)
{
    public static SessionOutcome Unchanged { get; } = new(true, null);

    public static SessionOutcome Ended { get; } = new(false, null);

    public static SessionOutcome Changed(ClaimsPrincipal replacement) => new(true, replacement);
}

using System.Globalization;
using Dashboard.Data.App;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// The council's identity provider (section Dashboard:SignIn:OpenIdConnect): where it is, this app's registration
/// with it (client id and secret, from configuration or the environment), which claims name the person, and which
/// groups (or app roles) give which role here. Every problem stops start-up with a sentence naming the setting;
/// no message, log line or <see cref="ToString"/> ever contains the secret.
/// </summary>
public sealed class ProviderSettings
{
    public const string Section = "Dashboard:SignIn:OpenIdConnect";

    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0.</summary>
    public required Uri Authority { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>The provider's name as staff know it: the sign-in page offers "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; init; } = "your council account";

    /// <summary>The claim that names the person (their user name in the audit log).</summary>
    public string UserNameClaim { get; init; } = "preferred_username";

    /// <summary>The claim with the name shown at the top of each page.</summary>
    public string DisplayNameClaim { get; init; } = "name";

    /// <summary>The claims whose values are matched against <see cref="Groups"/>: Entra's group ids and app roles.</summary>
    public IReadOnlyList<string> AccessClaims { get; init; } = ["groups", "roles"];

    /// <summary>Which group (or app role) gives which role here.</summary>
    public required IReadOnlyList<GroupAccess> Groups { get; init; }

    /// <summary>A sign-in through the provider lasts at most this long, however busy, so a change of groups at the
    /// provider (someone leaving) reaches the dashboard within it.</summary>
    public TimeSpan MaxSession { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Plain http is allowed only for a provider on this machine (the tests' provider).</summary>
    public bool IsLoopback => Authority.IsLoopback;

    /// <summary>The provider's origin, which the content security policy lets forms go to (signing out goes there).</summary>
    public string Origin => Authority.GetLeftPart(UriPartial.Authority);

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"OpenID Connect provider {Authority} for client {ClientId} (client secret not shown)";

    /// <summary>Null when the section is empty or Enabled is false.</summary>
    public static ProviderSettings? From(IConfigurationSection s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!s.GetChildren().Any()) return null;
        switch (s["Enabled"])
        {
            case null or "":
                break;
            case var t when bool.TryParse(t, out var on):
                if (!on) return null;
                break;
            case var t:
                throw Problem($"{Section}:Enabled is '{t}', but it must be true or false.");
        }
        var authority = Required(s, "Authority", "the address of the council's identity provider (for Microsoft Entra ID, https://login.microsoftonline.com/<tenant id>/v2.0)");
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Problem($"{Section}:Authority is '{authority}', which is not a web address (https://...).");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw Problem($"{Section}:Authority is '{authority}': the identity provider must be reached over https (plain http only on this machine).");
        }
        var clientId = Required(s, "ClientId", "the application (client) id the provider gave this app when it was registered");
        var secret = Required(s, "ClientSecret",
            "the client secret from the app's registration; keep it out of files, e.g. in the environment variable Dashboard__SignIn__OpenIdConnect__ClientSecret");
        return new ProviderSettings
        {
            Authority = uri,
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = Optional(s, "DisplayName") ?? "your council account",
            UserNameClaim = Optional(s, "UserNameClaim") ?? "preferred_username",
            DisplayNameClaim = Optional(s, "DisplayNameClaim") ?? "name",
            AccessClaims = Optional(s, "AccessClaims") is { } claims
                ? [.. claims.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)]
                : ["groups", "roles"],
            Groups = ReadGroups(s.GetSection("Groups")),
            MaxSession = TimeSpan.FromHours(Hours(s, "MaxSessionHours", 8, 1, 24)),
        };
    }

    private static List<GroupAccess> ReadGroups(IConfigurationSection section)
    {
        var groups = new List<GroupAccess>();
        foreach (var entry in section.GetChildren())
        {
            var where = $"{Section}:Groups:{entry.Key}";
            var id = entry["Id"]?.Trim();
            if (string.IsNullOrEmpty(id)) throw Problem($"{where}:Id is not set: give the group's object id (or the app role's value).");
            if (entry["Role"] is not { Length: > 0 } roleText) throw Problem($"{where}:Role is not set: give one of {string.Join(", ", Enum.GetNames<AppRole>())}.");
            AppRole role;
            try
            {
                role = Roles.Parse(roleText.Trim());
            }
            catch (ArgumentException)
            {
                throw Problem($"{where}:Role is '{roleText}', which is not a role: use one of {string.Join(", ", Enum.GetNames<AppRole>())}.");
            }
            var teams = entry["Teams"] is { Length: > 0 } list
                ? list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).ToList()
                : entry.GetSection("Teams").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(t => t.Length > 0).ToList();
            if (role == AppRole.Manager && teams.Count == 0)
            {
                throw Problem($"{where}:Teams is empty: a Manager group must name the team ids its members manage.");
            }
            if (role != AppRole.Manager && teams.Count > 0)
            {
                throw Problem($"{where}:Teams is set for the role {role}, which is not limited to teams: only a Manager group names teams.");
            }
            if (groups.Any(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw Problem($"{where}:Id '{id}' is listed twice: give each group one role.");
            }
            groups.Add(new GroupAccess(id, role, teams));
        }
        if (groups.Count == 0)
        {
            throw Problem($"{Section}:Groups lists no group, so no one could sign in through the provider: map at least one group (or app role) to a role.");
        }
        return groups;
    }

    private static string Required(IConfigurationSection s, string key, string what) =>
        Optional(s, key) ?? throw Problem($"{Section}:{key} is not set: give {what}.");

    private static string? Optional(IConfigurationSection s, string key) => s[key] is { } v && v.Trim().Length > 0 ? v.Trim() : null;

    private static int Hours(IConfigurationSection s, string key, int fallback, int min, int max)
    {
        if (Optional(s, key) is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Problem($"{Section}:{key} is '{text}', but it must be a whole number from {min} to {max}.");
    }

    private static InvalidWebSettingException Problem(string message) => new(message);
}

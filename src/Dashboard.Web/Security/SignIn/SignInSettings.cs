using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// How people sign in (section Dashboard:SignIn): local accounts (on unless switched off), the council's identity
/// provider by OpenID Connect (when configured), and who to ask for access. Trusted-header sign-in keeps its own
/// settings in <see cref="WebSecuritySettings"/>. A combination that would let nobody in stops start-up.
/// </summary>
public sealed record SignInSettings
{
    public const string Section = "Dashboard:SignIn";

    public const string DefaultAccessContact = "the person who looks after Inspection Ready at your council";

    /// <summary>Local accounts (user name and password held here). Off: the form and password change are gone (404).</summary>
    public bool LocalAccountsEnabled { get; init; } = true;

    /// <summary>The council's identity provider, or null when sign-in through one is not configured.</summary>
    public ProviderSettings? Provider { get; init; }

    /// <summary>Who a person without access should ask, in the council's words (the "no access" page says it).</summary>
    public string AccessContact { get; init; } = DefaultAccessContact;

    public static SignInSettings Default { get; } = new();

    public static SignInSettings From(IConfiguration configuration, bool trustedHeaderEnabled)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection(Section);
        var settings = new SignInSettings
        {
            LocalAccountsEnabled = s["LocalAccounts:Enabled"] switch
            {
                null or "" => true,
                var t when bool.TryParse(t, out var b) => b,
                var t => throw new InvalidWebSettingException($"{Section}:LocalAccounts:Enabled is '{t}', but it must be true or false."),
            },
            Provider = ProviderSettings.From(s.GetSection("OpenIdConnect")),
            AccessContact = s["AccessContact"] is { Length: > 0 } contact ? contact.Trim() : DefaultAccessContact,
        };
        if (!settings.LocalAccountsEnabled && settings.Provider is null && !trustedHeaderEnabled)
        {
            throw new InvalidWebSettingException(
                $"{Section}:LocalAccounts:Enabled is false, but no other sign-in is set up, so no one could sign in: configure " +
                $"{ProviderSettings.Section} (the council's identity provider) or {WebSecuritySettings.Section}:TrustedHeader, or turn local accounts back on.");
        }
        return settings;
    }
}

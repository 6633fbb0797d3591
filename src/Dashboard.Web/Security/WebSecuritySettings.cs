using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Security;

/// <summary>
/// The dashboard's own settings (section Dashboard:Web), each with a default chosen on purpose and documented in
/// docs/configuration.md. A bad value stops start-up with a sentence naming the setting.
/// </summary>
public sealed record WebSecuritySettings
{
    public const string Section = "Dashboard:Web";

    /// <summary>Failed sign-ins in a row before an account is locked.</summary>
    public int MaxFailedSignIns { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A sign-in lasts this long after the last request (sliding), then the person signs in again.</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Sign-in attempts allowed per client address per minute (ASP.NET Core's rate limiter).</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>CSV and pack downloads allowed per person per minute.</summary>
    public int ExportsPerMinute { get; init; } = 20;

    /// <summary>The data-freshness banner shows when the last good load is older than this.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Trusted-header sign-in for councils whose reverse proxy signs people in (off by default).</summary>
    public bool TrustedHeaderEnabled { get; init; }

    /// <summary>The header the proxy puts the signed-in user name in.</summary>
    public string TrustedHeaderName { get; init; } = "X-Remote-User";

    /// <summary>The council's reverse proxies (Dashboard:Web:Proxies): their X-Forwarded-For/-Proto are believed, and
    /// in trusted-header mode only they may sign someone in by header. Requests from other addresses get neither.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    public static WebSecuritySettings Default { get; } = new();

    public static WebSecuritySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection(Section);
        var d = Default;
        var settings = new WebSecuritySettings
        {
            MaxFailedSignIns = Whole(s, "MaxFailedSignIns", d.MaxFailedSignIns, 1, 100),
            LockoutDuration = TimeSpan.FromMinutes(Whole(s, "LockoutMinutes", (int)d.LockoutDuration.TotalMinutes, 1, 24 * 60)),
            SessionIdleTimeout = TimeSpan.FromMinutes(Whole(s, "SessionMinutes", (int)d.SessionIdleTimeout.TotalMinutes, 5, 12 * 60)),
            SignInsPerMinute = Whole(s, "SignInsPerMinute", d.SignInsPerMinute, 1, 10_000),
            ExportsPerMinute = Whole(s, "ExportsPerMinute", d.ExportsPerMinute, 1, 10_000),
            StaleAfter = TimeSpan.FromHours(Whole(s, "StaleAfterHours", (int)d.StaleAfter.TotalHours, 1, 24 * 31)),
            TrustedHeaderEnabled = Flag(s, "TrustedHeader:Enabled"),
            TrustedHeaderName = s["TrustedHeader:UserHeader"] is { Length: > 0 } h ? h : d.TrustedHeaderName,
            TrustedProxies = Addresses(s, "Proxies"),
        };
        if (settings.TrustedHeaderEnabled && settings.TrustedProxies.Count == 0)
        {
            throw new InvalidWebSettingException(
                $"{Section}:Proxies must list the reverse proxy's address when {Section}:TrustedHeader:Enabled is true: " +
                "otherwise anyone could sign in by sending the header.");
        }
        return settings;
    }

    internal static int Whole(IConfigurationSection s, string key, int fallback, int min, int max)
    {
        if (s[key] is not { Length: > 0 } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InvalidWebSettingException($"{Section}:{key} is '{text}', but it must be a whole number from {min} to {max}.");
    }

    private static bool Flag(IConfigurationSection s, string key) => s[key] switch
    {
        null or "" => false,
        var t when bool.TryParse(t, out var b) => b,
        var t => throw new InvalidWebSettingException($"{Section}:{key} is '{t}', but it must be true or false."),
    };

    private static List<IPAddress> Addresses(IConfigurationSection s, string key) =>
        [.. (s[key] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(a => IPAddress.TryParse(a, out var ip)
            ? ip
            : throw new InvalidWebSettingException($"{Section}:{key} has '{a}', which is not an IP address."))];
}

/// <summary>A Dashboard:Web setting that cannot be used; the message names it.</summary>
public sealed class InvalidWebSettingException(string message) : Exception(message);

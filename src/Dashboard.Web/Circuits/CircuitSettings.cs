using Dashboard.Web.Security;

namespace Dashboard.Web.Circuits;

/// <summary>
/// Limits for the interactive parts' connections (Blazor Server circuits), set for a council's use: a few dozen people
/// at once, each with a tab or two open for a morning. Section Dashboard:Web:Circuits, documented in docs/configuration.md.
/// </summary>
public sealed record CircuitSettings
{
    public const string Section = WebSecuritySettings.Section + ":Circuits";

    /// <summary>How long a tab that lost its connection (a laptop lid closed, a train tunnel) can come back to its state.
    /// Short: the state holds a page of children, and a person who returns later just gets the page again.</summary>
    public TimeSpan DisconnectedRetention { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Disconnected tabs kept at once; beyond this the oldest is dropped (its page reloads when it returns).</summary>
    public int DisconnectedMaxRetained { get; init; } = 100;

    /// <summary>The largest message a browser may send. Clicks and typed searches are small, but the first message hands
    /// the circuit the prerendered page of the follow-up list (50 rows, encrypted), which can pass SignalR's 32 KB
    /// default; 128 KB holds it with room, and a larger message is refused rather than buffered.</summary>
    public int MaxMessageKilobytes { get; init; } = 128;

    /// <summary>How long the server waits for the browser to answer a script call (updating the address bar).</summary>
    public TimeSpan JsInteropTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an open tab's sign-in is checked again (an account disabled, a role changed). Short, because a
    /// circuit can show children's records and sends no request for the per-request check to see.</summary>
    public TimeSpan SessionRecheck { get; init; } = TimeSpan.FromSeconds(30);

    public static CircuitSettings Default { get; } = new();

    public static CircuitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection(WebSecuritySettings.Section);
        var d = Default;
        return new CircuitSettings
        {
            DisconnectedRetention = TimeSpan.FromSeconds(WebSecuritySettings.Whole(s, "Circuits:DisconnectedRetentionSeconds", (int)d.DisconnectedRetention.TotalSeconds, 10, 3600)),
            DisconnectedMaxRetained = WebSecuritySettings.Whole(s, "Circuits:DisconnectedMaxRetained", d.DisconnectedMaxRetained, 0, 10_000),
            MaxMessageKilobytes = WebSecuritySettings.Whole(s, "Circuits:MaxMessageKilobytes", d.MaxMessageKilobytes, 1, 1024),
            JsInteropTimeout = TimeSpan.FromSeconds(WebSecuritySettings.Whole(s, "Circuits:JsInteropSeconds", (int)d.JsInteropTimeout.TotalSeconds, 1, 300)),
            SessionRecheck = TimeSpan.FromSeconds(WebSecuritySettings.Whole(s, "Circuits:SessionRecheckSeconds", (int)d.SessionRecheck.TotalSeconds, 1, 300)),
        };
    }
}

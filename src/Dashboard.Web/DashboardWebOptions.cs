using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;

namespace Dashboard.Web;

/// <summary>
/// What the dashboard needs from the product's settings (read and checked by the CLI, which hosts the app):
/// the warehouse to read, where to keep its keys, and the council's indicator settings (targets, council name,
/// small-number suppression threshold). Web-only settings are in <see cref="Security.WebSecuritySettings"/>.
/// </summary>
public sealed record DashboardWebOptions(DatabaseTarget Warehouse, string DataDirectory, IndicatorSettings Indicators)
{
    /// <summary>Where the data-protection keys that sign cookies and antiforgery tokens are kept, so sign-ins survive a restart.</summary>
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    /// <summary>How the hosting command adapts the host before it is built: a Windows service or systemd unit, and
    /// where logs go (docs/deployment.md). Null in tests.</summary>
    public Action<IHostApplicationBuilder>? ConfigureHost { get; init; }
}

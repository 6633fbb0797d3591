using System.Globalization;
using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Services.Charts;

/// <summary>
/// The drawn-chart cache's settings (section Dashboard:Web:ChartCache, docs/configuration.md): how much memory the
/// drawn charts may take, and whether the server draws the council-level charts itself when a new load appears.
/// </summary>
public sealed record ChartCacheSettings
{
    public const string Section = "Dashboard:Web:ChartCache";

    /// <summary>Megabytes of SVG and PNG kept; the least recently used charts go first beyond it. 0 turns the cache off.</summary>
    public int Megabytes { get; init; } = 64;

    /// <summary>Draw the council-level pages' charts of the latest complete month for each role after start and after each new load.</summary>
    public bool Warm { get; init; } = true;

    public long SizeLimitBytes => Megabytes * 1024L * 1024L;

    public static ChartCacheSettings Default { get; } = new();

    public static ChartCacheSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var s = configuration.GetSection(Section);
        var megabytes = s["Megabytes"] is not { Length: > 0 } text ? Default.Megabytes
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 4096 ? v
            : throw new InvalidWebSettingException($"{Section}:Megabytes is '{text}', but it must be a whole number from 0 to 4096.");
        var warm = s["Warm"] switch
        {
            null or "" => Default.Warm,
            var t when bool.TryParse(t, out var b) => b,
            var t => throw new InvalidWebSettingException($"{Section}:Warm is '{t}', but it must be true or false."),
        };
        return new ChartCacheSettings { Megabytes = megabytes, Warm = warm };
    }
}

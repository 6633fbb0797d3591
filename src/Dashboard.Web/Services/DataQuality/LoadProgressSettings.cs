using System.Globalization;
using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Services.DataQuality;

/// <summary>
/// How the data quality page watches a running load (section Dashboard:Web:LoadProgress, docs/configuration.md).
/// </summary>
public sealed record LoadProgressSettings
{
    public const string Section = "Dashboard:Web:LoadProgress";

    /// <summary>A load whose board has not been written for this long is shown as stopped reporting. The load rewrites
    /// its board at least every 10 seconds while its process lives, so the default leaves room for a slow disk.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an open data quality page reads the board.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    public static LoadProgressSettings Default { get; } = new();

    public static LoadProgressSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration.GetSection(Section)["StaleAfterSeconds"];
        if (text is not { Length: > 0 }) return Default;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 15 and <= 3600
            ? new LoadProgressSettings { StaleAfter = TimeSpan.FromSeconds(seconds) }
            : throw new InvalidWebSettingException(
                $"{Section}:StaleAfterSeconds is '{text}', but it must be a whole number of seconds from 15 to 3600 (the load writes its progress at least every 10 s).");
    }
}

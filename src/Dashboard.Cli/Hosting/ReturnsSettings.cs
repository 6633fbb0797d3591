using Dashboard.Data;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// Statutory returns named in configuration (Dashboard:Returns:CinCensus, :Ssda903, :AnnexA: paths separated by ';'
/// or given as an array), for a council without an SSD extract: the nightly <c>etl</c> and <c>schedule</c> import them
/// into the source file (Dashboard:Source, which must then be SQLite) before every load, so the night's figures come
/// from the latest files dropped in those places.
/// </summary>
public sealed record ReturnsSettings(IReadOnlyList<string> CinCensus, IReadOnlyList<string> Ssda903, IReadOnlyList<string> AnnexA)
{
    public const string Section = DashboardSettings.Section + ":Returns";

    public bool Any => CinCensus.Count + Ssda903.Count + AnnexA.Count > 0;

    public static ReturnsSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new ReturnsSettings(Paths(section, "CinCensus"), Paths(section, "Ssda903"), Paths(section, "AnnexA"));
    }

    /// <summary>The SQLite file the returns are imported into: the configured source, which must be a SQLite file.</summary>
    public static string OutputFor(DatabaseTarget source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider == DatabaseProvider.Sqlite && source.SqliteFile is { } file
            ? file
            : throw new SettingsException($"{Section} names returns to import, so {DashboardSettings.Section}:Source must be a SQLite file to import them into (it is {DashboardSettings.Name(source.Provider)}).");
    }

    /// <summary>The import these settings ask for, into the configured source file.</summary>
    public Dashboard.Returns.Import.ImportRequest Request(DatabaseTarget source) => new(CinCensus, Ssda903, AnnexA, OutputFor(source));

    private static List<string> Paths(IConfigurationSection section, string name)
    {
        var child = section.GetSection(name);
        var values = child.Value is { Length: > 0 } text
            ? text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : child.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0);
        return [.. values.Select(Path.GetFullPath)];
    }
}

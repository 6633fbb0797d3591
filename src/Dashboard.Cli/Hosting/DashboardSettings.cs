using System.Globalization;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Etl.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// The product's settings, from configuration (appsettings.json, Dashboard__* environment variables)
/// with defaults that need no configuration at all: a synthetic source and a warehouse as SQLite files
/// under ./data. Bad values are refused here, at start-up, with a sentence naming the setting.
/// </summary>
public sealed record DashboardSettings(
    string DataDirectory,
    DatabaseTarget Source,
    DatabaseTarget Warehouse,
    ScheduleOptions Schedule,
    IndicatorSettings Indicators)
{
    public const string Section = "Dashboard";

    public static DashboardSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var dataDirectory = Path.GetFullPath(section["DataDirectory"] is { Length: > 0 } d ? d : "data");
        var source = Target(section.GetSection("Source"), "Source", Path.Combine(dataDirectory, "source.db"));
        var warehouse = Target(section.GetSection("Warehouse"), "Warehouse", Path.Combine(dataDirectory, "warehouse.db"));
        return new DashboardSettings(dataDirectory, source, warehouse, ParseSchedule(section.GetSection("Schedule")),
            LoadIndicators(section["Indicators:SettingsFile"]));
    }

    /// <summary>
    /// For commands that read the warehouse: when the configuration does not name the council, the name the last load
    /// stored with its figures (the demo's "Synthetic Borough (demo data)", a council's own name), so a pack made by
    /// hand says whose it is rather than "Your council". A warehouse not loaded yet leaves the settings as they are;
    /// the command's own read then says what is wrong with it.
    /// </summary>
    public async Task<DashboardSettings> WithStoredCouncilNameAsync(CancellationToken cancellationToken = default)
    {
        if (Indicators.CouncilName != IndicatorSettings.Default.CouncilName) return this;
        if (Warehouse.Provider == DatabaseProvider.Sqlite && Warehouse.SqliteFile is { } file && !File.Exists(file)) return this;
        try
        {
            return await Dashboard.Data.Indicators.StoredCouncilName.ReadAsync(Dashboard.Data.Warehouse.Connect(Warehouse), cancellationToken) is { } name
                ? this with { Indicators = Indicators with { CouncilName = name } }
                : this;
        }
        catch (System.Data.Common.DbException)
        {
            return this;
        }
    }

    /// <summary>A target from options when given, else from these settings.</summary>
    public static DatabaseTarget Override(DatabaseTarget configured, string? connection, string? provider)
    {
        var p = provider is null ? configured.Provider : ParseProvider(provider, "--provider");
        if (connection is null)
        {
            return provider is null || p == configured.Provider ? configured : throw new SettingsException(
                $"Give a connection string with the {provider} provider: the configured one is for {Name(configured.Provider)}.");
        }
        return new DatabaseTarget(p, connection);
    }


    public static DatabaseProvider ParseProvider(string value, string settingName) => value.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "sqlserver" => DatabaseProvider.SqlServer,
        _ => throw new SettingsException($"{settingName} is '{value}', but it must be sqlite or sqlserver."),
    };

    public static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "sqlserver";

    private static DatabaseTarget Target(IConfigurationSection section, string name, string defaultPath)
    {
        var provider = section["Provider"] is { Length: > 0 } p
            ? ParseProvider(p, $"{Section}:{name}:Provider")
            : DatabaseProvider.Sqlite;
        var connection = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                throw new SettingsException($"{Section}:{name}:ConnectionString must be set when {Section}:{name}:Provider is sqlserver.");
            }
            connection = defaultPath;
        }
        return new DatabaseTarget(provider, connection);
    }

    /// <summary>The council's indicator settings: the documented defaults (reports/settings/indicator-defaults.json)
    /// with whatever the council's own file changes. A bad value stops the command here, naming the setting.</summary>
    private static IndicatorSettings LoadIndicators(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return IndicatorSettings.Default;
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SettingsException($"{Section}:Indicators:SettingsFile names {full}, which does not exist.");
        }
        try
        {
            return IndicatorSettingsFile.Load(full);
        }
        catch (InvalidSettingsException ex)
        {
            throw new SettingsException(ex.Message);
        }
    }

    private static ScheduleOptions ParseSchedule(IConfigurationSection section)
    {
        var at = ScheduleOptions.Default.At;
        if (section["At"] is { Length: > 0 } atText && !TimeOnly.TryParseExact(atText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            throw new SettingsException($"{Section}:Schedule:At is '{atText}', but it must be a time of day such as 02:00.");
        }
        var retry = ScheduleOptions.Default.RetryDelay;
        if (section["RetryDelay"] is { Length: > 0 } retryText &&
            (!TimeSpan.TryParse(retryText, CultureInfo.InvariantCulture, out retry) || retry < TimeSpan.Zero || retry > TimeSpan.FromHours(12)))
        {
            throw new SettingsException($"{Section}:Schedule:RetryDelay is '{retryText}', but it must be a duration between 00:00:00 and 12:00:00.");
        }
        TimeZoneInfo? zone = null;
        if (section["TimeZone"] is { Length: > 0 } zoneId)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new SettingsException($"{Section}:Schedule:TimeZone is '{zoneId}', which is not a time zone this machine knows (try Europe/London).");
            }
        }
        return new ScheduleOptions(at, retry, zone);
    }
}

/// <summary>A setting or option with a value that cannot be used; the message names it.</summary>
public sealed class SettingsException(string message) : Exception(message);

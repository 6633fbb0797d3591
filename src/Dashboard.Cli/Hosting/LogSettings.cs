using Microsoft.Extensions.Configuration;

namespace Dashboard.Cli.Hosting;

/// <summary>How a long-running command (serve, schedule, demo) logs: plain text or one JSON object a line on the
/// console (systemd's journal when run as a unit), and optionally a file as well. Read from Dashboard:Logging.</summary>
public sealed record LogSettings(LogFormat Format, string? File)
{
    public const string FormatSetting = "Dashboard:Logging:Format";
    public const string FileSetting = "Dashboard:Logging:File";

    public static LogSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var format = configuration[FormatSetting] is { Length: > 0 } text
            ? text.Trim().ToLowerInvariant() switch
            {
                "text" => LogFormat.Text,
                "json" => LogFormat.Json,
                _ => throw new SettingsException($"{FormatSetting} is '{text}', but it must be text or json."),
            }
            : LogFormat.Text;
        var file = configuration[FileSetting] is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        if (file is not null && Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            throw new SettingsException($"{FileSetting} names {file}, but the folder {folder} does not exist.");
        }
        return new LogSettings(format, file);
    }
}

public enum LogFormat
{
    Text,
    Json,
}

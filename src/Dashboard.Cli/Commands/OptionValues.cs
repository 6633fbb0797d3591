using System.Globalization;
using Dashboard.Cli.Hosting;

namespace Dashboard.Cli.Commands;

/// <summary>Parses option values the library leaves as text, with messages that name the option.</summary>
internal static class OptionValues
{
    public static DateOnly? Date(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new SettingsException($"{option} is '{value}', but it must be a date written yyyy-MM-dd.");

    public static TimeOnly? TimeOfDay(string? value, string option) =>
        value is null ? null
        : TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new SettingsException($"{option} is '{value}', but it must be a time of day such as 02:00.");

    public static TimeSpan? Duration(string? value, string option) =>
        value is null ? null
        : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span
        : throw new SettingsException($"{option} is '{value}', but it must be a duration such as 00:15:00.");
}

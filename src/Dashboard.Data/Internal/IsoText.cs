using System.Globalization;

namespace Dashboard.Data.Internal;

/// <summary>
/// Dates and timestamps as the warehouse writes them: dates as yyyy-MM-dd, timestamps as UTC
/// yyyy-MM-ddTHH:mm:ss.fffZ (fixed width, so text comparison in SQLite orders them correctly, and SQL
/// Server converts the same text to DATE / DATETIMEOFFSET implicitly). Reading is lenient: SQLite hands
/// back whatever text a writer chose, SQL Server hands back typed values.
/// </summary>
internal static class IsoText
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A timestamp from a database value: DateTimeOffset, DateTime (taken as UTC when unspecified)
    /// or ISO 8601 text with or without an offset (taken as UTC when absent).</summary>
    public static DateTimeOffset ToTimestamp(object value, string what) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        string s when DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) => parsed,
        _ => throw new FormatException($"The stored {what} '{value}' is not a recognisable timestamp."),
    };

    public static DateTimeOffset? ToNullableTimestamp(object? value, string what) =>
        value is null or DBNull ? null : ToTimestamp(value, what);

    /// <summary>A date from a database value: DateOnly, DateTime, DateTimeOffset or text starting yyyy-MM-dd.</summary>
    public static DateOnly ToDate(object value, string what) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string s when s.Trim().Length >= 10 && DateOnly.TryParseExact(s.Trim()[..10], DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var parsed) => parsed,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed) =>
            DateOnly.FromDateTime(parsed),
        _ => throw new FormatException($"The stored {what} '{value}' is not a recognisable date."),
    };
}

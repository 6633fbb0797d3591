using System.Globalization;

namespace Dashboard.Data.Children;

/// <summary>
/// One row of a timeline query, read by column alias. The timeline's queries differ in shape (a referral has a source and a
/// need, a visit has seen and seen-alone), so rows are read as Dapper's name/value rows rather than one class per kind.
/// Numbers come back as long from SQLite and int from SQL Server; both are read. A column a query does not select reads
/// as null.
/// </summary>
internal sealed class TimelineRow(IDictionary<string, object?> values)
{
    public static TimelineRow From(object dapperRow) => new((IDictionary<string, object?>)dapperRow);

    public string? Text(string column) => Value(column) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public long? Number(string column) => Value(column) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    public double? Real(string column) => Value(column) is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    /// <summary>1/0 flags; null when the source did not say.</summary>
    public bool? Flag(string column) => Number(column) is { } n ? n != 0 : null;

    /// <summary>A date key (yyyymmdd) as a date; null for NULL and for the unknown member 0.</summary>
    public DateOnly? Date(string column) => Number(column) is { } key and > 0
        ? new DateOnly((int)(key / 10_000), (int)(key / 100 % 100), (int)(key % 100))
        : null;

    /// <summary>A date as the summaries write it: 3 Mar 2026 (the invariant culture's month names are English, and it
    /// exists in globalization-invariant processes too).</summary>
    public static string Show(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private object? Value(string column) => values.TryGetValue(column, out var v) && v is not DBNull ? v : null;
}

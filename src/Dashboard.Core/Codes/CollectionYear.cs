using System.Globalization;

namespace Dashboard.Core.Codes;

/// <summary>
/// A DfE collection year, 1 April to 31 March, written as the returns write it ("2024-25"). The CIN census and
/// SSDA903 code lists change between collection years, so a code is valid or not in a year.
/// </summary>
public readonly record struct CollectionYear(int StartYear) : IComparable<CollectionYear>
{
    /// <summary>The collection year a date falls in (1 April starts a new one).</summary>
    public static CollectionYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Parses "2024-25"; the second part must be the year after the first.</summary>
    public static CollectionYear Parse(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) && parts[0].Length == 4
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && parts[1].Length == 2
            && (start + 1) % 100 == end)
        {
            return new CollectionYear(start);
        }
        throw new FormatException($"'{text}' is not a collection year such as 2024-25.");
    }

    public DateOnly First => new(StartYear, 4, 1);

    public DateOnly Last => new(StartYear + 1, 3, 31);

    public int CompareTo(CollectionYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(CollectionYear a, CollectionYear b) => a.StartYear < b.StartYear;
    public static bool operator >(CollectionYear a, CollectionYear b) => a.StartYear > b.StartYear;
    public static bool operator <=(CollectionYear a, CollectionYear b) => a.StartYear <= b.StartYear;
    public static bool operator >=(CollectionYear a, CollectionYear b) => a.StartYear >= b.StartYear;

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";
}

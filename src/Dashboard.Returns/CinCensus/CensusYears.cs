using System.Globalization;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// The CIN census year runs from 1 April to 31 March and is named by the year its 31 March falls in (the census of
/// 2025-26 is Year 2026 in CollectionDetails, reference date 2026-03-31).
/// </summary>
internal static class CensusYears
{
    /// <summary>The census year holding <paramref name="date"/>: 2026 for any day from 2025-04-01 to 2026-03-31.</summary>
    public static int YearEnding(DateOnly date) => date.Month >= 4 ? date.Year + 1 : date.Year;

    public static DateOnly Start(int year) => new(year - 1, 4, 1);

    public static DateOnly End(int year) => new(year, 3, 31);

    /// <summary>"2025-26".</summary>
    public static string Label(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year - 1}-{year % 100:00}");
}

using System.Globalization;
using Dashboard.Core.Indicators;

namespace Dashboard.Reports;

/// <summary>Dates and months as the pack prints them (British English, no time zone).</summary>
public static class PackText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"March 2026".</summary>
    public static string MonthName(Month month) => month.First.ToString("MMMM yyyy", British);

    /// <summary>"31 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);
}

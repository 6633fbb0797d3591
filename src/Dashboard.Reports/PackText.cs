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

    /// <summary>The database engine a load read, as the audit stores it ("Sqlite"), in its own spelling ("SQLite").</summary>
    public static string Provider(string stored) => stored switch
    {
        "Sqlite" => "SQLite",
        "SqlServer" => "SQL Server",
        _ => stored,
    };
}

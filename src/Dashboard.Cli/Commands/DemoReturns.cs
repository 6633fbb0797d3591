using Dashboard.Returns;
using Dashboard.Returns.Import;
using Microsoft.Data.Sqlite;

namespace Dashboard.Cli.Commands;

/// <summary>The demo's council written as the three statutory returns, for <c>dashboard demo --from-returns</c>.</summary>
internal static class DemoReturns
{
    public static Dictionary<StatutoryReturn, IReadOnlyList<string>> Write(string ssdSource, string folder, DateOnly asOf, CancellationToken ct)
    {
        var files = new Dictionary<StatutoryReturn, IReadOnlyList<string>>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ssdSource, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var kind in ReturnsImport.Order)
        {
            var into = Directory.CreateDirectory(Path.Combine(folder, kind switch
            {
                StatutoryReturn.CinCensus => "cin-census",
                StatutoryReturn.Ssda903 => "ssda903",
                _ => "annex-a",
            })).FullName;
            files[kind] = ReturnCatalogue.Writers[kind].Write(connection, into, new ReturnWriteOptions(asOf, 5), ct);
        }
        return files;
    }

    public static ImportRequest Request(IReadOnlyDictionary<StatutoryReturn, IReadOnlyList<string>> files, string outPath) =>
        new(files[StatutoryReturn.CinCensus], files[StatutoryReturn.Ssda903], files[StatutoryReturn.AnnexA], outPath);
}

using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Import;

/// <summary>
/// An SSD-shaped source written as all three returns, one folder each, and the import of exactly those files: what the
/// demo (<c>demo --from-returns</c>), <c>bench import</c> and the web tests' returns council all do.
/// </summary>
public static class ReturnFiles
{
    /// <summary>Writes <paramref name="ssdSource"/> as each return into <paramref name="folder"/>/cin-census, ssda903 and annex-a.</summary>
    public static Dictionary<StatutoryReturn, IReadOnlyList<string>> WriteAll(string ssdSource, string folder, ReturnWriteOptions options, CancellationToken ct)
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
            files[kind] = ReturnCatalogue.Writers[kind].Write(connection, into, options, ct);
        }
        return files;
    }

    /// <summary>The import of the files <see cref="WriteAll"/> wrote, into <paramref name="outPath"/>.</summary>
    public static ImportRequest Request(IReadOnlyDictionary<StatutoryReturn, IReadOnlyList<string>> files, string outPath) =>
        new(files[StatutoryReturn.CinCensus], files[StatutoryReturn.Ssda903], files[StatutoryReturn.AnnexA], outPath);
}

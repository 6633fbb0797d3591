using System.Globalization;
using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Support;

/// <summary>
/// The proof that a return carries what the SSD path carries: a synthetic council is generated as an SSD extract,
/// written as returns by the writers, imported back by the importers, and both sources are loaded by the real ETL into
/// warehouses of their own; <see cref="Differences"/> then compares the stored figures row by row.
/// </summary>
public sealed class RoundTrip : IDisposable
{
    private readonly Scratch _scratch = new("roundtrip");

    private RoundTrip() { }

    /// <summary>The generated SSD extract.</summary>
    public string SsdSource => _scratch.File("ssd.db");

    /// <summary>What the importers made of the returns.</summary>
    public string ReturnsSource => _scratch.File("returns.db");

    public string SsdWarehouse => _scratch.File("warehouse-ssd.db");

    public string ReturnsWarehouse => _scratch.File("warehouse-returns.db");

    /// <summary>The files the writers wrote, by return.</summary>
    public IReadOnlyDictionary<StatutoryReturn, IReadOnlyList<string>> Files { get; private set; } = new Dictionary<StatutoryReturn, IReadOnlyList<string>>();

    public IReadOnlyList<ReturnImportSummary> Imported { get; private set; } = [];

    public EtlRunResult SsdLoad { get; private set; } = null!;

    public EtlRunResult ReturnsLoad { get; private set; } = null!;

    public DateOnly AsOf { get; private set; }

    /// <summary>Generates <paramref name="preset"/> as at <paramref name="asOf"/>, writes it as each return of
    /// <paramref name="pairs"/>, imports them in the order given into one source, and loads both sources.</summary>
    public static async Task<RoundTrip> RunAsync(CouncilPreset preset, DateOnly asOf, int years,
        params (IReturnWriter Writer, IReturnImporter Importer)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var trip = new RoundTrip { AsOf = asOf };
        try
        {
            new CouncilGenerator(TimeProvider.System).Generate(new GeneratorOptions(preset, Seed: 1, Years: years, AsOf: asOf), trip.SsdSource);
            var files = new Dictionary<StatutoryReturn, IReadOnlyList<string>>();
            var imported = new List<ReturnImportSummary>();
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = trip.SsdSource, Mode = SqliteOpenMode.ReadOnly }.ToString()))
            {
                source.Open();
                foreach (var (writer, _) in pairs)
                {
                    var folder = trip._scratch.Folder(writer.Kind.ToString().ToLowerInvariant());
                    files[writer.Kind] = writer.Write(source, folder, new ReturnWriteOptions(asOf, years), CancellationToken.None);
                }
            }
            using (var output = SsdSourceWriter.Create(trip.ReturnsSource))
            {
                foreach (var (_, importer) in pairs)
                {
                    output.Begin(importer.Kind);
                    imported.Add(importer.Import(files[importer.Kind], output, null, CancellationToken.None));
                }
                output.Commit();
            }
            trip.Files = files;
            trip.Imported = imported;
            trip.SsdLoad = await LoadAsync(trip.SsdSource, trip.SsdWarehouse, asOf);
            trip.ReturnsLoad = await LoadAsync(trip.ReturnsSource, trip.ReturnsWarehouse, asOf);
            return trip;
        }
        catch
        {
            trip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every stored figure of <paramref name="indicatorIds"/> from <paramref name="fromPeriod"/> (yyyy-MM) on, at the
    /// given scope levels, that differs between the two warehouses (or is in one only), one line each; empty when equal.
    /// </summary>
    public IReadOnlyList<string> Differences(IEnumerable<string> indicatorIds, string fromPeriod, params string[] scopeLevels)
    {
        var ids = indicatorIds.ToHashSet(StringComparer.Ordinal);
        var levels = scopeLevels.Length == 0 ? ["council"] : scopeLevels;
        var ssd = Figures(SsdWarehouse, ids, fromPeriod, levels);
        var returns = Figures(ReturnsWarehouse, ids, fromPeriod, levels);
        var lines = new List<string>();
        foreach (var key in ssd.Keys.Union(returns.Keys).Order(StringComparer.Ordinal))
        {
            var a = ssd.GetValueOrDefault(key);
            var b = returns.GetValueOrDefault(key);
            if (a != b) lines.Add($"{key}: SSD {a ?? "(none)"}, returns {b ?? "(none)"}");
        }
        return lines;
    }

    /// <summary>The council-level figure of one indicator-month from one warehouse, as "numerator/denominator" (or the
    /// not-available reason), for assertions on a single figure.</summary>
    public static string? Figure(string warehouse, string indicatorId, string period) =>
        Figures(warehouse, new HashSet<string>(StringComparer.Ordinal) { indicatorId }, period, ["council"]).Where(f => f.Key.Contains($"|{period}|", StringComparison.Ordinal))
            .Select(f => f.Value).FirstOrDefault();

    private static Dictionary<string, string> Figures(string warehouse, HashSet<string> ids, string fromPeriod, IReadOnlyList<string> levels)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = warehouse, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT indicator_id, series, period, scope_level, scope_id, numerator, denominator, value, not_available
            FROM fact_indicator WHERE period >= $from
            """;
        command.Parameters.AddWithValue("$from", fromPeriod);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!ids.Contains(reader.GetString(0)) || !levels.Contains(reader.GetString(3))) continue;
            var key = string.Join('|', reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            figures[key] = reader.IsDBNull(8)
                ? $"{reader.GetInt64(5)}/{reader.GetInt64(6)}"
                  + (reader.IsDBNull(7) ? "" : " = " + reader.GetDouble(7).ToString("0.######", CultureInfo.InvariantCulture))
                : "not available: " + reader.GetString(8);
        }
        return figures;
    }

    private static async Task<EtlRunResult> LoadAsync(string source, string warehouse, DateOnly asOf)
    {
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={source}"),
            new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={warehouse}")) { AsOf = asOf };
        var result = await new EtlRunner(TimeProvider.System).RunAsync(options);
        if (result.Status != "succeeded") throw new InvalidOperationException($"The ETL did not succeed on {Path.GetFileName(source)}: {result.Status}.");
        return result;
    }

    public void Dispose() => _scratch.Dispose();
}

using Dashboard.Core.Ssd;

namespace Dashboard.Returns.Import;

/// <summary>What to import: the files of each return (any may be empty, not all) and where to write the source.</summary>
public sealed record ImportRequest(IReadOnlyList<string> CinCensus, IReadOnlyList<string> Ssda903, IReadOnlyList<string> AnnexA, string OutPath)
{
    public IReadOnlyList<string> PathsFor(StatutoryReturn kind) => kind switch
    {
        StatutoryReturn.CinCensus => CinCensus,
        StatutoryReturn.Ssda903 => Ssda903,
        _ => AnnexA,
    };
}

/// <summary>How many children each return named, and how many of them another return named too (joined on the
/// council's child id: the CIN census's LAchildID, SSDA903's CHILD, Annex A's Child Unique ID).</summary>
public sealed record ChildJoin(StatutoryReturn Return, long Children, long AlsoElsewhere);

/// <summary>What an import did, for the command's summary and the bench.</summary>
public sealed record ImportResult(string Path, IReadOnlyList<ReturnImportSummary> Returns, IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlyList<ChildJoin> Joins, DateOnly? ReferenceDate, TimeSpan Elapsed)
{
    public long Rejected => Returns.Sum(r => r.Rejected);
}

/// <summary>
/// Imports the returns a council names into one SSD-shaped source: the CIN census first (the record of children in
/// need and protection), then SSDA903 (looked-after children), then Annex A (which fills what the statutory returns lack,
/// such as teams and workers, and never overwrites them). A file that cannot be read stops the import and leaves any
/// earlier output in place; a malformed element is kept as a rejection and the import goes on.
/// </summary>
public sealed class ReturnsImport(IReadOnlyDictionary<StatutoryReturn, IReturnImporter> importers, TimeProvider time)
{
    /// <summary>The order returns are imported in, which decides which wins where two hold the same field.</summary>
    public static readonly IReadOnlyList<StatutoryReturn> Order = [StatutoryReturn.CinCensus, StatutoryReturn.Ssda903, StatutoryReturn.AnnexA];

    public ImportResult Run(ImportRequest request, IProgress<(string Stage, double Fraction)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = Order.Where(k => request.PathsFor(k).Count > 0).ToList();
        if (wanted.Count == 0)
        {
            throw new ArgumentException("Name at least one return to import: --cin-census FILE..., --ssda903 FOLDER... or --annex-a FILE.");
        }
        foreach (var kind in wanted)
        {
            foreach (var path in request.PathsFor(kind))
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new ReturnFileException($"The {kind.Name()} file or folder {path} does not exist.");
                }
            }
        }
        var started = time.GetTimestamp();
        var sizes = wanted.ToDictionary(k => k, k => Math.Max(1, request.PathsFor(k).Sum(Bytes)));
        var total = (double)sizes.Values.Sum();
        long before = 0;
        var summaries = new List<ReturnImportSummary>();
        using var writer = SsdSourceWriter.Create(request.OutPath);
        foreach (var kind in wanted)
        {
            ct.ThrowIfCancellationRequested();
            var importer = importers.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"No importer is registered for the {kind.Name()}.");
            writer.Begin(kind);
            var offset = before;
            var relay = progress is null ? null : new Relay(p => progress.Report(($"Reading the {kind.Name()}: {p.File}",
                Math.Min(0.95, (offset + Math.Min(p.BytesDone, sizes[kind])) / total * 0.95))));
            summaries.Add(importer.Import(request.PathsFor(kind), writer, relay, ct));
            before += sizes[kind];
        }
        progress?.Report(("Saving", 0.97));
        var rows = SsdSchema.All.ToDictionary(t => t.Name, t => Count(writer, $"SELECT COUNT(*) FROM \"{t.Name}\""), StringComparer.Ordinal);
        var joins = wanted.Select(k => new ChildJoin(k,
            Count(writer, $"SELECT COUNT(*) FROM {SourceReturnTables.PersonReturns} WHERE pret_return = '{k.Name()}'"),
            Count(writer, $"SELECT COUNT(*) FROM {SourceReturnTables.PersonReturns} p WHERE pret_return = '{k.Name()}' " +
                          $"AND EXISTS (SELECT 1 FROM {SourceReturnTables.PersonReturns} o WHERE o.pret_person_id = p.pret_person_id AND o.pret_return <> p.pret_return)")))
            .ToList();
        writer.Commit();
        progress?.Report(("Done", 1.0));
        var reference = summaries.Select(s => s.ReferenceDate).Max();
        return new ImportResult(writer.Target, summaries, rows, joins, reference, time.GetElapsedTime(started));
    }

    private static long Count(SsdSourceWriter writer, string sql)
    {
        using var command = writer.Query(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long Bytes(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
        : 0;

    private sealed class Relay(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

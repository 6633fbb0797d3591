using Dashboard.Core.Ssd;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// Imports CIN census XML files (one per census year; a folder means every .xml file in it) into the SSD source. The
/// files are read in census-year order (CollectionDetails/Year, else the reference date; files without either keep the
/// order given, after the dated ones), so a later year's values win for the same record whatever order the council
/// names them in. Each file is streamed one Child at a time.
/// </summary>
public sealed class CinCensusImporter : IReturnImporter
{
    public StatutoryReturn Kind => StatutoryReturn.CinCensus;

    /// <summary>What the census fills and how completely (the ETL and data quality page read this).</summary>
    public static IReadOnlyList<SuppliedTable> Supplies { get; } =
    [
        new(SsdSchema.Persons, TableCoverage.Complete, "Children with an episode of need in a census year: id, sex, ethnicity, birth, expected birth and death dates."),
        new(SsdSchema.Disabilities, TableCoverage.Complete, "As recorded at each census."),
        new(SsdSchema.Referrals, TableCoverage.Complete, "Every episode of need open in a census year; no team or worker (the census carries none)."),
        new(SsdSchema.Assessments, TableCoverage.Complete, "Assessments open or authorised in a census year; no-further-action outcome implied by factor 21 or closure RC8/RC9; whether the child was seen is not in the census."),
        new(SsdSchema.CinPlans, TableCoverage.Complete, "CIN plans open in a census year."),
        new(SsdSchema.S47Enquiries, TableCoverage.Complete, "Enquiries started, or whose conference fell, in a census year; the census has no end date or no-further-action flag."),
        new(SsdSchema.InitialConferences, TableCoverage.Complete, "Conferences from each enquiry, and transfer-in conferences at episode level; outcome a plan when one starts that day."),
        new(SsdSchema.CpPlans, TableCoverage.Complete, "CP plans open in a census year; whether from another council is not in the census."),
        new(SsdSchema.CpReviews, TableCoverage.Complete, "Review conferences held in a census year (dates only: no due dates, quoracy or participation)."),
    ];

    /// <summary>
    /// Indicators whose tables the census fills but which it cannot support: shown as "not available from these sources"
    /// with these reasons rather than as a wrong figure (docs/returns/cin-census.md says why for each).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotSupported { get; } = new Dictionary<string, string>
    {
        ["RISK-03"] = "the CIN census records no end date for a section 47 enquiry",
        ["RISK-05"] = "the CIN census holds only the plans open in the census years imported, so an earlier plan that makes a later one a repeat may be missing",
        ["OVERSIGHT-02"] = "the CIN census names no teams or workers, so their decisions cannot be compared",
    };

    public ReturnImportSummary Import(IReadOnlyList<string> paths, SsdSourceWriter writer, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(writer);
        var files = InYearOrder(Expand(paths));
        var total = files.Sum(f => new FileInfo(f.Path).Length);
        long done = 0, children = 0, rejected = 0;
        var years = new List<int>();
        DateOnly? reference = null;
        foreach (var (path, _) in files)
        {
            ct.ThrowIfCancellationRequested();
            using var file = CinCensusFile.Open(path);
            if (file.Year is { } y) years.Add(y);
            if (file.ReferenceDate is { } r && (reference is null || r > reference)) reference = r;
            var mapper = new CinChildMapper(writer, file.Name);
            var reported = 0L;
            foreach (var child in file.Children())
            {
                ct.ThrowIfCancellationRequested();
                mapper.Map(child);
                children++;
                if (progress is not null && file.Position - reported >= 1 << 20)
                {
                    reported = file.Position;
                    progress.Report(new ImportProgress(Kind, file.Name, done + reported, total));
                }
            }
            done += file.Length;
            rejected += mapper.Rejected;
            progress?.Report(new ImportProgress(Kind, file.Name, done, total));
        }
        var period = years.Count == 0 ? "census years not stated in the files"
            : years.Min() == years.Max() ? CensusYears.Label(years.Min())
            : $"{CensusYears.Label(years.Min())} to {CensusYears.Label(years.Max())}";
        var summary = new ReturnImportSummary(
            new ReturnProvenance(Kind, [.. files.Select(f => Path.GetFileName(f.Path))], period, Supplies) { NotSupported = NotSupported },
            children, rejected) { ReferenceDate = reference };
        writer.Record(summary);
        return summary;
    }

    /// <summary>The files named, and every .xml file (by name) in each folder named.</summary>
    private static List<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ReturnFileException($"The CIN census file {Path.GetFileName(path)} does not exist.");
            }
        }
        if (files.Count == 0) throw new ReturnFileException($"No CIN census .xml file was found in {string.Join(", ", paths.Select(Path.GetFileName))}.");
        return files;
    }

    private static List<(string Path, int? Year)> InYearOrder(List<string> files) =>
        [.. files.Select((path, i) => (Path: path, Year: CinCensusFile.PeekYear(path), Index: i))
            .OrderBy(f => f.Year ?? int.MaxValue).ThenBy(f => f.Index)
            .Select(f => (f.Path, f.Year))];
}

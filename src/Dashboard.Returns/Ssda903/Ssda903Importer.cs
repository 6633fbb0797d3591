using Dashboard.Core.Ssd;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// Reads an SSDA903 return (one or several collection years of CSV files) into the SSD source: header and UASC rows
/// become persons, episodes become periods of care, placements and legal statuses (<see cref="CarePeriods"/>), reviews
/// become looked-after reviews in the period they fall in, and the latest year's OC3 becomes the care leavers. OC2,
/// AD1, placed for adoption, previous permanence, missing and social worker episodes have no SSD table: they are read
/// and counted, not loaded. See docs/returns/ssda903.md.
/// </summary>
public sealed class Ssda903Importer : IReturnImporter
{
    private const int ProgressEvery = 8192;

    public StatutoryReturn Kind => StatutoryReturn.Ssda903;

    public ReturnImportSummary Import(IReadOnlyList<string> paths, SsdSourceWriter writer, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(writer);
        var files = Ssda903FileSet.Resolve(paths);
        if (files.Count == 0) throw new ReturnFileException($"No SSDA903 files were found in {string.Join(", ", paths.Select(Path.GetFileName))}.");
        var rejectedBefore = writer.Rejections;
        var oc3Year = files.Where(f => f.Kind == Ssda903FileKind.Oc3).Select(f => f.Year ?? int.MaxValue).DefaultIfEmpty().Max();
        var total = files.Sum(f => new FileInfo(f.Path).Length);
        long done = 0;
        long records = 0;
        using (var stage = new Ssda903Stage(writer))
        {
            var rows = new Ssda903Rows(writer, stage);
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                records += ReadFile(file, rows, loadOc3: (file.Year ?? int.MaxValue) == oc3Year, n => progress?.Report(new ImportProgress(Kind, file.Name, done + n, total)), ct);
                done += new FileInfo(file.Path).Length;
                progress?.Report(new ImportProgress(Kind, file.Name, done, total));
            }
            foreach (var episodes in stage.EpisodesByChild())
            {
                ct.ThrowIfCancellationRequested();
                CarePeriods.Write(episodes, writer, stage);
            }
            rows.WriteReviews();
        }
        var summary = new ReturnImportSummary(Provenance(files), records, writer.Rejections - rejectedBefore) { ReferenceDate = ReferenceDate(files) };
        writer.Record(summary);
        return summary;
    }

    private static long ReadFile(Ssda903File file, Ssda903Rows rows, bool loadOc3, Action<long> progress, CancellationToken ct)
    {
        try
        {
            using var reader = new CsvReader(file.Path);
            var header = reader.Read() ?? throw new ReturnFileException($"{file.Label} is empty: line 1 should be the header row.");
            var columns = new CsvColumns(header);
            foreach (var required in Ssda903Files.RequiredColumns(file.Kind))
            {
                if (!columns.Has(required))
                {
                    throw new ReturnFileException($"{file.Label}, line 1: the header row has no column {required}, which the SSDA903 {file.Kind.ToString().ToLowerInvariant()} file must have.");
                }
            }
            long count = 0;
            while (reader.Read() is { } record)
            {
                count++;
                rows.Read(file, columns, record, reader.Line, loadOc3);
                if (count % ProgressEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress(reader.BytesRead);
                }
            }
            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.DecoderFallbackException)
        {
            throw new ReturnFileException($"{file.Label} cannot be read: {e.Message}.", e);
        }
    }

    /// <summary>
    /// 31 March of the latest collection year named, once that day has come; a year still running (a return made part-way,
    /// as the demo makes one) has no reference date of its own, and the other returns or the load's day decide.
    /// </summary>
    private static DateOnly? ReferenceDate(IReadOnlyList<Ssda903File> files)
    {
        var latest = files.Where(f => f.Year is not null).Select(f => f.Year!.Value).DefaultIfEmpty().Max();
        if (latest == 0) return null;
        var end = CollectionYears.End(latest);
        return end <= DateOnly.FromDateTime(DateTime.UtcNow) ? end : null;
    }

    private static ReturnProvenance Provenance(IReadOnlyList<Ssda903File> files)
    {
        var years = files.Where(f => f.Year is not null).Select(f => f.Year!.Value).Distinct().Order().ToList();
        var period = years.Count == 0 ? "collection year not named in the file names"
            : years.Count == 1 ? CollectionYears.Label(years[0])
            : $"{CollectionYears.Label(years[0])} to {CollectionYears.Label(years[^1])}";
        return new ReturnProvenance(StatutoryReturn.Ssda903, [.. files.Select(f => f.Label)], period,
        [
            new SuppliedTable(SsdSchema.Persons, TableCoverage.Complete, "Children looked after in the years given (header, UASC) and care leavers (OC3): sex, date of birth, ethnicity."),
            new SuppliedTable(SsdSchema.ClaEpisodes, TableCoverage.Complete, "Episodes in or open in the years given; a period of care already open at the start of the earliest year has no entered-care date."),
            new SuppliedTable(SsdSchema.Placements, TableCoverage.Complete, "One per change of placement (RNE other than L); no distance."),
            new SuppliedTable(SsdSchema.LegalStatuses, TableCoverage.Complete, "One per change of legal status while looked after."),
            new SuppliedTable(SsdSchema.ClaReviews, TableCoverage.Complete, "Reviews held, with participation; no due dates and no cancelled reviews."),
            new SuppliedTable(SsdSchema.CareLeavers, TableCoverage.LatestOnly, "The latest year's OC3: in touch, activity, accommodation and its suitability; no contact date, team or worker."),
        ]);
    }
}

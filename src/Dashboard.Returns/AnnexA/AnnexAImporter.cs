using System.Globalization;
using Dashboard.Core.Ssd;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Reads Ofsted's Annex A workbooks (lists 1-11) into the SSD source contract, streaming each sheet row by row. Sheets
/// are found by name ("List 3", "List_3", "List 3 - Referrals"), headings by their words, so title rows, notes, extra
/// columns and missing optional columns are all tolerated. Several workbooks (several inspections or refreshes) are
/// read latest first (the last path given is the latest) and fill gaps only, so the latest workbook's values stand and
/// the CIN census and SSDA903, when imported before, keep theirs.
/// </summary>
public sealed class AnnexAImporter : IReturnImporter
{
    public StatutoryReturn Kind => StatutoryReturn.AnnexA;

    public ReturnImportSummary Import(IReadOnlyList<string> paths, SsdSourceWriter writer, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(writer);
        var files = Workbooks(paths);
        var total = files.Sum(f => new FileInfo(f).Length);
        long done = 0, records = 0, rejected = 0;
        DateOnly? latest = null;
        foreach (var file in Enumerable.Reverse(files))
        {
            ct.ThrowIfCancellationRequested();
            var length = new FileInfo(file).Length;
            var (read, failed, last) = ImportWorkbook(file, writer, sheetShare => progress?.Report(new ImportProgress(Kind, Path.GetFileName(file), done + (long)(length * sheetShare), total)), ct);
            records += read;
            rejected += failed;
            if (last > latest || latest is null) latest = last;
            done += length;
            progress?.Report(new ImportProgress(Kind, Path.GetFileName(file), done, total));
        }
        var period = latest is { } l
            ? $"the 6 months (lists 10-11: 12 months) before each workbook's reference date; latest record {l.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : "the 6 months (lists 10-11: 12 months) before each workbook's reference date; no records";
        var summary = new ReturnImportSummary(new ReturnProvenance(Kind, [.. files.Select(Path.GetFileName).OfType<string>()], period, Supplied) { NotSupported = NotSupported },
            records, rejected) { ReferenceDate = latest };
        writer.Record(summary);
        return summary;
    }

    /// <summary>
    /// Indicators whose tables the lists fill but which they cannot support (docs/returns/annex-a.md says why): "not
    /// available from these sources" with these reasons, unless another return (the CIN census, SSDA903) carries them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotSupported { get; } = new Dictionary<string, string>
    {
        ["FRONT-01"] = "Annex A's list of contacts gives no outcome, so which led to a referral is not known",
        ["FRONT-03"] = "Annex A lists only the referrals of its 6 months, not the year before each that a re-referral looks back on",
        ["RISK-01"] = "Annex A's assessments are not linked to their referral",
        ["RISK-02"] = "Annex A's assessments are not linked to their referral",
        ["RISK-03"] = "Annex A records no end date for a section 47 enquiry",
        ["RISK-05"] = "Annex A gives the number of earlier plans, not their dates",
        ["SEEN-02"] = "Annex A gives only each child's last visit, not every visit in the month",
        ["SEEN-03"] = "Annex A's list of children in need holds no child in need plans",
        ["PLANS-01"] = "Annex A gives no review due dates or history",
        ["PLANS-03"] = "Annex A gives no review due dates or history",
        ["PLANS-04"] = "Annex A gives no pathway plan review date",
        ["CARE-01"] = "Annex A gives the number of placements, not their dates",
        ["OVERSIGHT-02"] = "Annex A gives each child's allocation only at its reference date",
        ["WORKFORCE-01"] = "Annex A gives each child's allocation only at its reference date, not the changes",
        ["WORKFORCE-02"] = "Annex A gives each child's allocation only at its reference date",
    };

    /// <summary>What Annex A supplies, and how completely (docs/returns/annex-a.md).</summary>
    public static readonly IReadOnlyList<SuppliedTable> Supplied =
    [
        new(SsdSchema.Persons, TableCoverage.Complete, "children named in lists 1-9"),
        new(SsdSchema.Departments, TableCoverage.Complete, "allocated teams, by name"),
        new(SsdSchema.Professionals, TableCoverage.Complete, "allocated workers, by name"),
        new(SsdSchema.Involvements, TableCoverage.LatestOnly, "lists 6-8: the worker allocated at the reference date, from the record's start"),
        new(SsdSchema.Contacts, TableCoverage.Complete, "list 1: contacts in the 6 months; no outcome"),
        new(SsdSchema.EarlyHelpEpisodes, TableCoverage.Complete, "list 2: early help assessments in the 6 months"),
        new(SsdSchema.Referrals, TableCoverage.Complete, "lists 3 and 6: referrals in, and CIN episodes open during, the 6 months"),
        new(SsdSchema.Assessments, TableCoverage.Complete, "list 4: assessments in the 6 months; not linked to their referral"),
        new(SsdSchema.S47Enquiries, TableCoverage.Complete, "list 5: enquiries started in the 6 months; no end date"),
        new(SsdSchema.InitialConferences, TableCoverage.Complete, "list 5: conferences for those enquiries"),
        new(SsdSchema.CpPlans, TableCoverage.Complete, "list 7: plans open during the 6 months"),
        new(SsdSchema.CinVisits, TableCoverage.LatestOnly, "list 6: the date the child was last seen"),
        new(SsdSchema.CpVisits, TableCoverage.LatestOnly, "list 7: the last statutory visit"),
        new(SsdSchema.CpReviews, TableCoverage.LatestOnly, "list 7: the latest review conference"),
        new(SsdSchema.ClaEpisodes, TableCoverage.Complete, "list 8: periods of care open during the 6 months, one episode each"),
        new(SsdSchema.Placements, TableCoverage.LatestOnly, "list 8: the latest placement"),
        new(SsdSchema.ClaVisits, TableCoverage.LatestOnly, "list 8: the last social work visit"),
        new(SsdSchema.ClaReviews, TableCoverage.LatestOnly, "list 8: the latest statutory review"),
        new(SsdSchema.CareLeavers, TableCoverage.Complete, "list 9: each care leaver's status at the reference date"),
    ];

    private static (long Records, long Rejected, DateOnly? Latest) ImportWorkbook(string file, SsdSourceWriter writer, Action<double> progress, CancellationToken ct)
    {
        var name = Path.GetFileName(file);
        using var workbook = new WorkbookReader(file);
        var sheets = workbook.SheetNames.Select(s => (Sheet: s, List: ListSheet.Match(s))).Where(s => s.List is not null).ToList();
        if (sheets.Count == 0) throw new ReturnFileException($"{name} holds no Annex A list sheets (sheets named \"List 1\" to \"List 11\"); its sheets are: {string.Join(", ", workbook.SheetNames)}.");
        var loader = new ListLoader(writer, name);
        long records = 0, rejected = 0;
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, list) = sheets[i];
            Dictionary<string, int>? columns = null;
            foreach (var row in workbook.Rows(sheet))
            {
                if (columns is null)
                {
                    if (row.Number > ListSheet.HeadingSearchRows) break;
                    columns = ListSheet.Columns(list!, row);
                    if (columns is not null) RequireColumns(name, sheet, list!, columns, row.Number);
                    continue;
                }
                if (row.IsBlank) continue;
                if (++records % 4096 == 0) ct.ThrowIfCancellationRequested();
                if (!loader.Load(new ListRow(list!, columns, row))) rejected++;
            }
            if (columns is null)
            {
                throw new ReturnFileException($"{name}, sheet \"{sheet}\": no heading row (a row with \"{list!.Columns[0].Heading}\") in its first {ListSheet.HeadingSearchRows} rows.");
            }
            progress((i + 1) / (double)sheets.Count);
        }
        return (records, rejected, loader.LatestDate);
    }

    private static void RequireColumns(string file, string sheet, AnnexAList list, Dictionary<string, int> columns, long headingRow)
    {
        var missing = list.Columns.FirstOrDefault(c => c.Required && !columns.ContainsKey(c.Field));
        if (missing is not null)
        {
            throw new ReturnFileException($"{file}, sheet \"{sheet}\", row {headingRow}: the heading row has no column \"{missing.Heading}\", which list {list.Number} needs.");
        }
    }

    /// <summary>The workbooks named: files as given, folders as every .xlsx in them by name (Excel's ~$ lock files aside).</summary>
    private static List<string> Workbooks(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.xlsx").Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ReturnFileException($"{Path.GetFileName(path)} does not exist (looked for {path}).");
            }
        }
        if (files.Count == 0) throw new ReturnFileException($"No Annex A workbook (.xlsx) found in {string.Join(", ", paths.Select(Path.GetFileName))}.");
        return files;
    }
}

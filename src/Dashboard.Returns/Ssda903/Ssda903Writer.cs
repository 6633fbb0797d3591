using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// Writes an SSD source as a council's case system exports its SSDA903 return, one set of files per collection year
/// (header_2025.csv, episodes_2025.csv, reviews_2025.csv for 2024-25; oc3 for the latest year): every child looked
/// after at any time in the year, their episodes in or open in the year as known at the year's end (an episode that
/// ends later is still open, its ceased date and reason blank), and the reviews held in the year. Values are in the
/// SSDA903's forms: dates dd/mm/yyyy, SEX 1/2, ACCOM with its suitability digit.
/// </summary>
public sealed class Ssda903Writer : IReturnWriter
{
    public StatutoryReturn Kind => StatutoryReturn.Ssda903;

    internal static readonly string[] HeaderColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];
    internal static readonly string[] EpisodeColumns = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];
    internal static readonly string[] ReviewColumns = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];
    internal static readonly string[] Oc3Columns = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"];

    public IReadOnlyList<string> Write(SqliteConnection source, string outDirectory, ReturnWriteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Years < 1) throw new ArgumentOutOfRangeException(nameof(options), "Write at least one collection year.");
        Directory.CreateDirectory(outDirectory);
        var data = Ssda903SourceData.Read(source);
        var lastYear = CollectionYears.Holding(options.ReferenceDate);
        var files = new List<string>();
        for (var year = lastYear - options.Years + 1; year <= lastYear; year++)
        {
            ct.ThrowIfCancellationRequested();
            var end = CollectionYears.End(year) < options.ReferenceDate ? CollectionYears.End(year) : options.ReferenceDate;
            files.AddRange(WriteYear(data, outDirectory, year, Iso(CollectionYears.Start(year)), Iso(end)));
            if (year == lastYear) files.Add(WriteOc3(data, outDirectory, year));
        }
        return files;
    }

    private static IEnumerable<string> WriteYear(Ssda903SourceData data, string folder, int year, string start, string end)
    {
        var children = new List<string>();
        var episodes = Path.Combine(folder, $"episodes_{year}.csv");
        using (var csv = new CsvWriter(episodes, EpisodeColumns))
        {
            foreach (var e in data.Episodes)
            {
                if (string.CompareOrdinal(e.Start, end) > 0 || (e.Ceased is { } c && string.CompareOrdinal(c, start) < 0)) continue;
                if (children.Count == 0 || children[^1] != e.Child) children.Add(e.Child);
                // As known at the year's end: an episode ending after it is still open.
                var ended = e.Ceased is { } ceased && string.CompareOrdinal(ceased, end) <= 0;
                var placement = e.PlacementId is null ? null : data.Placements.GetValueOrDefault(e.PlacementId);
                // The reason for a change of placement is recorded on the episode the placement ends with.
                var changeReason = ended && placement?.End == e.Ceased ? placement?.ChangeReason : null;
                csv.Row([e.Child, Ssda903Values.DayFirst(e.Start), e.Reason, data.LegalStatusOn(e.Child, e.Start), e.Need, placement?.Type,
                    placement?.Provider, ended ? Ssda903Values.DayFirst(e.Ceased) : null, ended ? e.CeasedReason : null, changeReason,
                    null, placement?.Postcode, placement?.Urn]);
            }
        }
        var header = Path.Combine(folder, $"header_{year}.csv");
        using (var csv = new CsvWriter(header, HeaderColumns))
        {
            foreach (var child in children)
            {
                var person = data.Persons.GetValueOrDefault(child);
                csv.Row([child, Ssda903Values.SexCode(person?.Sex), Ssda903Values.DayFirst(person?.Dob), person?.Ethnicity, null, null, null]);
            }
        }
        var reviews = Path.Combine(folder, $"reviews_{year}.csv");
        using (var csv = new CsvWriter(reviews, ReviewColumns))
        {
            foreach (var r in data.Reviews)
            {
                if (string.CompareOrdinal(r.Held, start) < 0 || string.CompareOrdinal(r.Held, end) > 0) continue;
                if (!data.ChildOfPeriod.TryGetValue(r.ClaId, out var child)) continue;
                csv.Row([child, Ssda903Values.DayFirst(data.Persons.GetValueOrDefault(child)?.Dob), Ssda903Values.DayFirst(r.Held), r.Participation]);
            }
        }
        return [header, episodes, reviews];
    }

    /// <summary>
    /// OC3 for the latest year: every care leaver the source holds, with their latest status. (The DfE's OC3 covers the
    /// young people whose 17th to 21st birthday fell in the year; a case system's export of its care leavers, as here,
    /// also holds the 16 and 17 year olds still looked after whom the SSD counts as care leavers.)
    /// </summary>
    private static string WriteOc3(Ssda903SourceData data, string folder, int year)
    {
        var path = Path.Combine(folder, $"oc3_{year}.csv");
        using var csv = new CsvWriter(path, Oc3Columns);
        foreach (var leaver in data.CareLeavers)
        {
            csv.Row([leaver.Child, Ssda903Values.DayFirst(data.Persons.GetValueOrDefault(leaver.Child)?.Dob), leaver.InTouch, leaver.Activity,
                Ssda903Values.AccommodationCode(leaver.Accommodation, leaver.Suitable)]);
        }
        return path;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Dashboard.Returns;

/// <summary>
/// The ids the returns lack, made the same way by every importer: the child's id, what the record is, and the date it
/// starts. The same referral in the CIN census and in Annex A list 3 then gets the same key and becomes one row
/// (<see cref="MergeRule"/>), and a record seen in two census years is one row updated by the later year. Two records
/// of one kind for one child on one day are rare; the importer numbers the second ("~2") so neither is lost.
/// </summary>
public static class ReturnKeys
{
    public const string Referral = "REF";
    public const string Assessment = "ASM";
    public const string CinPlan = "CINP";
    public const string S47 = "S47";
    public const string Icpc = "ICPC";
    public const string CpPlan = "CPP";
    public const string CpReview = "CPR";
    public const string Visit = "VIS";
    public const string Contact = "CON";
    public const string EarlyHelp = "EH";
    public const string CareEpisode = "CLA";
    public const string Placement = "PL";
    public const string LegalStatus = "LS";
    public const string ClaReview = "CLAR";
    public const string Involvement = "INV";

    /// <summary>"C123/REF/20240105": the child's id, the kind, the start date (or the text found when it is not a date).</summary>
    public static string Of(string childId, string kind, string? isoDate, int sequence = 1)
    {
        var date = isoDate is not null && DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : isoDate ?? "nodate";
        return sequence <= 1 ? $"{childId}/{kind}/{date}" : $"{childId}/{kind}/{date}~{sequence}";
    }
}

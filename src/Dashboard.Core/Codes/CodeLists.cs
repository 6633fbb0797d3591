namespace Dashboard.Core.Codes;

/// <summary>The verdict on one coded value: the code as its list spells it, or why it is not accepted.</summary>
/// <param name="Code">The canonical code when accepted; null otherwise.</param>
/// <param name="Entry">The list's entry when the value is a code of the list in some year (accepted or not).</param>
public readonly record struct CodeCheck(string? Code, CodeEntry? Entry)
{
    public bool Accepted => Code is not null;

    /// <summary>A code of the list, but not in the year asked about (retired, or not yet introduced).</summary>
    public bool OutOfYear => Code is null && Entry is not null;
}

/// <summary>
/// The closed code lists the ETL validates against: the DfE CIN census and SSDA903 code sets for the collection
/// years 2015-16 to 2025-26, and the values of our two extension tables. The lists are data, not code: one CSV
/// per list in src/Dashboard.Core/Codes/lists (code, label, first and last collection year), embedded in the
/// assembly and rendered into docs/code-lists.md. Codes compare case-insensitively after trimming; the stored
/// form is the one listed.
/// </summary>
public static class CodeLists
{
    public const string Sex = "sex";
    public const string Ethnicity = "ethnicity";
    public const string ReferralSource = "referral_source";
    public const string PrimaryNeed = "primary_need";
    public const string ClosureReason = "closure_reason";
    public const string CpCategory = "cp_category";
    public const string Disability = "disability";
    public const string LegalStatus = "legal_status";
    public const string PlacementType = "placement_type";
    public const string ReasonPlacementChange = "reason_placement_change";
    public const string ClaStartReason = "cla_start_reason";
    public const string ClaCeasedReason = "cla_ceased_reason";
    public const string ReviewParticipation = "review_participation";
    public const string CareLeaverInTouch = "care_leaver_in_touch";
    public const string CareLeaverAccommodation = "care_leaver_accommodation";
    public const string CareLeaverActivity = "care_leaver_activity";
    public const string Agency = "agency";
    public const string MeetingType = "meeting_type";
    public const string OversightType = "oversight_type";

    private sealed record Loaded(CodeListInfo Info, IReadOnlyList<CodeEntry> Entries,
        Dictionary<string, CodeEntry> ByCode, IReadOnlyDictionary<string, string> Labels);

    private static readonly Lazy<Dictionary<string, Loaded>> Lists = new(Load);

    private static Dictionary<string, Loaded> Load()
    {
        var lists = new Dictionary<string, Loaded>(StringComparer.Ordinal);
        foreach (var info in CodeListFiles.ReadIndex())
        {
            var entries = CodeListFiles.ReadList(info.Name);
            var byCode = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
            var labels = entries.ToDictionary(e => e.Code, e => e.Label, StringComparer.OrdinalIgnoreCase);
            lists.Add(info.Name, new Loaded(info, entries, byCode, labels));
        }
        return lists;
    }

    /// <summary>Every list name, in the order of lists.csv.</summary>
    public static IEnumerable<string> Names => Lists.Value.Keys;

    /// <summary>What a list is and which DfE source it follows.</summary>
    public static CodeListInfo Info(string list) => Find(list).Info;

    /// <summary>The codes of one list in file order, with the collection years each is valid in.</summary>
    public static IReadOnlyList<CodeEntry> Entries(string list) => Find(list).Entries;

    /// <summary>The codes of one list (every code valid in any year) with their labels.</summary>
    public static IReadOnlyDictionary<string, string> Get(string list) => Find(list).Labels;

    /// <summary>The code as the list spells it when it is a code of the list in any year; null otherwise.</summary>
    public static string? Normalise(string list, string value) =>
        Find(list).ByCode.TryGetValue(value.Trim(), out var entry) ? entry.Code : null;

    /// <summary>
    /// Checks <paramref name="value"/> against the list as it stood in <paramref name="year"/>; with no year (the row
    /// has no date that places it), any code the list ever held is accepted.
    /// </summary>
    public static CodeCheck Check(string list, string value, CollectionYear? year)
    {
        if (!Find(list).ByCode.TryGetValue(value.Trim(), out var entry)) return new CodeCheck(null, null);
        return year is null || entry.ValidIn(year.Value) ? new CodeCheck(entry.Code, entry) : new CodeCheck(null, entry);
    }

    public static bool Contains(string list, string value) => Find(list).ByCode.ContainsKey(value.Trim());

    private static Loaded Find(string list) =>
        Lists.Value.TryGetValue(list, out var loaded) ? loaded : throw new ArgumentException($"There is no code list called {list}.", nameof(list));
}

using Dashboard.Core.Codes;

namespace Dashboard.Synthetic.Simulation;

/// <summary>The mixes the council's children and records are drawn from (roughly England's, DfE 2024-25).
/// Every code comes from <see cref="CodeLists"/>.</summary>
internal static class Mix
{
    public static readonly Weighted<string> Sex = new(("M", 51), ("F", 48.6), ("U", 0.3), ("I", 0.1));

    public static readonly Weighted<string> Ethnicity = new(
        ("WBRI", 65), ("WIRI", 1), ("WIRT", 0.3), ("WOTH", 6), ("WROM", 0.7), ("MWBC", 2), ("MWBA", 1), ("MWAS", 1.5),
        ("MOTH", 2.5), ("AIND", 1.5), ("APKN", 3), ("ABAN", 1.5), ("AOTH", 1.5), ("BCRB", 1.5), ("BAFR", 3.5), ("BOTH", 1),
        ("CHNE", 0.3), ("OOTH", 2.5), ("REFU", 0.5), ("NOBT", 3));

    /// <summary>Age at first referral in years (unborn children appear only as contacts).</summary>
    public static readonly Weighted<int> AgeAtReferral = new(
        (0, 10), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (6, 5), (7, 5), (8, 5), (9, 5), (10, 5.5), (11, 5.5), (12, 5.5),
        (13, 6), (14, 6.5), (15, 6.5), (16, 5.5), (17, 4));

    /// <summary>Age of children in care at a point in time (England: a fifth under 5, two fifths 10-15, a quarter 16+).</summary>
    public static readonly Weighted<int> AgeInCare = new(
        (3, 4), (4, 4), (5, 4), (6, 4), (7, 4), (8, 4.5), (9, 5), (10, 6), (11, 6.5), (12, 7), (13, 8), (14, 9),
        (15, 10), (16, 12), (17, 12));

    public static readonly Weighted<string> Source = new(
        ("1A", 3), ("1B", 1), ("1C", 1), ("1D", 1), ("2A", 19), ("2B", 2), ("3A", 3), ("3B", 3), ("3C", 1), ("3D", 2),
        ("3E", 4), ("3F", 3), ("4", 2), ("5A", 4), ("5B", 3), ("5C", 4), ("5D", 1), ("6", 29), ("7", 2), ("8", 5),
        ("9", 1), ("10", 2));

    public static readonly Weighted<string> Need = new(
        ("N1", 55), ("N2", 4), ("N3", 3), ("N4", 12), ("N5", 16), ("N6", 2), ("N7", 0.5), ("N8", 5), ("N9", 1.5), ("N0", 1));

    public static readonly Weighted<string> CpCategory = new(("NEG", 50), ("EMO", 37), ("PHY", 7), ("SAB", 4), ("MUL", 2));

    public static readonly Weighted<string> Disability = new(
        ("AUT", 30), ("LD", 25), ("COMM", 10), ("BEH", 10), ("MOB", 8), ("HAND", 2), ("PC", 3), ("INC", 2), ("HEAR", 3),
        ("VIS", 3), ("CON", 1), ("DDA", 3));

    /// <summary>How many review conferences a CP plan has before it ends at one: plans end after about
    /// 3, 9, 15, 21 months...; about 5% last two years or more (England 4.4%).</summary>
    public static readonly Weighted<int> CpReviewsBeforeEnd = new((1, 25), (2, 38), (3, 23), (4, 9), (5, 3), (6, 2));

    public static readonly Weighted<string> PlacementChange = new(
        ("CARPL", 25), ("CHILD", 10), ("LAREQ", 25), ("PLACE", 10), ("STAND", 8), ("ALLEG", 4), ("CREQB", 8), ("CREQO", 5), ("APPRR", 5));

    public static readonly Weighted<string> Participation = new(
        ("PN1", 45), ("PN2", 10), ("PN3", 8), ("PN4", 12), ("PN5", 5), ("PN6", 5), ("PN7", 5), ("PN0", 10));

    public static readonly Weighted<string> InTouch = new(("YES", 88), ("NO", 5), ("REFU", 2), ("NREQ", 3), ("RHOM", 2));

    public static readonly Weighted<string> Accommodation = new(
        ("U", 28), ("D", 20), ("B", 12), ("Z", 12), ("E", 6), ("K", 4), ("T", 3), ("C", 3), ("S", 2), ("V", 2), ("W", 1),
        ("X", 1), ("Y", 4), ("R", 2));

    public static readonly Weighted<string> Activity = new(
        ("F2", 22), ("P2", 5), ("F1", 7), ("P1", 1), ("F4", 14), ("P4", 8), ("F5", 4), ("P5", 1), ("G4", 8), ("G5", 25), ("G6", 5));

    public static readonly Weighted<string> WorkerChange = new(
        ("Caseload reallocation", 45), ("Family request", 10), ("Worker on long-term absence", 25), ("Worker changed role", 20));

    public static readonly string[] EarlyHelpReasons =
        ["Parenting support", "School attendance", "Domestic abuse", "Emotional wellbeing", "Housing and finances", "Child's behaviour"];

    public static readonly string[] EarlyHelpEnds =
        ["Outcomes achieved", "Family disengaged", "Stepped up to social care", "Moved out of area", "Transferred to universal services"];

    public static readonly string[] Postcodes = ["LS12", "BD7", "NE4", "BS5", "EX2", "TR18", "CB1", "PL4", "HU3", "DN31", "SR2", "M14"];

    /// <summary>The label of a code, as SSD's *_desc columns carry it.</summary>
    public static string Label(string list, string code) => CodeLists.Get(list)[code];
}

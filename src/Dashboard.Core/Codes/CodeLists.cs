namespace Dashboard.Core.Codes;

/// <summary>
/// The closed code lists the ETL validates against (DfE CIN census and SSDA903 code sets, and the
/// values of our two extension tables). Each code has a short label for screens and packs.
/// Codes compare case-insensitively after trimming; the stored form is the one listed here.
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
    public const string ClaStartReason = "cla_start_reason";
    public const string ClaCeasedReason = "cla_ceased_reason";
    public const string CareLeaverInTouch = "care_leaver_in_touch";
    public const string CareLeaverAccommodation = "care_leaver_accommodation";
    public const string CareLeaverActivity = "care_leaver_activity";
    public const string Agency = "agency";
    public const string MeetingType = "meeting_type";
    public const string OversightType = "oversight_type";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Lists = new(StringComparer.Ordinal)
    {
        [Sex] = Map(("M", "Male"), ("F", "Female"), ("U", "Unknown"), ("I", "Indeterminate")),
        [Ethnicity] = Map(
            ("WBRI", "White British"), ("WIRI", "White Irish"), ("WIRT", "Traveller of Irish heritage"),
            ("WOTH", "Any other White background"), ("WROM", "Gypsy/Roma"), ("MWBC", "White and Black Caribbean"),
            ("MWBA", "White and Black African"), ("MWAS", "White and Asian"), ("MOTH", "Any other mixed background"),
            ("AIND", "Indian"), ("APKN", "Pakistani"), ("ABAN", "Bangladeshi"), ("AOTH", "Any other Asian background"),
            ("BCRB", "Caribbean"), ("BAFR", "African"), ("BOTH", "Any other Black background"), ("CHNE", "Chinese"),
            ("OOTH", "Any other ethnic group"), ("REFU", "Refused"), ("NOBT", "Information not yet obtained")),
        [ReferralSource] = Map(
            ("1A", "Individual: family member/relative/carer"), ("1B", "Individual: acquaintance"),
            ("1C", "Individual: self"), ("1D", "Individual: other"), ("2A", "Schools"), ("2B", "Education services"),
            ("3A", "Health: GP"), ("3B", "Health: visitor"), ("3C", "Health: school nurse"),
            ("3D", "Health: other primary health services"), ("3E", "Health: A&E"), ("3F", "Health: other"),
            ("4", "Housing"), ("5A", "LA services: social care"), ("5B", "LA services: other internal"),
            ("5C", "LA services: external"), ("5D", "LA services: youth services"), ("6", "Police"),
            ("7", "Other legal agency"), ("8", "Other"), ("9", "Anonymous"), ("10", "Unknown")),
        [PrimaryNeed] = Map(
            ("N0", "Not stated"), ("N1", "Abuse or neglect"), ("N2", "Child's disability"),
            ("N3", "Parental illness/disability"), ("N4", "Family in acute stress"), ("N5", "Family dysfunction"),
            ("N6", "Socially unacceptable behaviour"), ("N7", "Low income"), ("N8", "Absent parenting"),
            ("N9", "Cases other than children in need")),
        [ClosureReason] = Map(
            ("RC1", "Adopted"), ("RC2", "Died"), ("RC3", "Child arrangements order"), ("RC4", "Special guardianship order"),
            ("RC5", "Transferred to other LA"), ("RC6", "Transferred to adult social care"),
            ("RC7", "Services ceased for any other reason"), ("RC8", "Case closed after assessment, no further action"),
            ("RC9", "Case closed after assessment, referred to early help")),
        [CpCategory] = Map(("NEG", "Neglect"), ("PHY", "Physical abuse"), ("SAB", "Sexual abuse"),
            ("EMO", "Emotional abuse"), ("MUL", "Multiple")),
        [Disability] = Map(("NONE", "No disability"), ("MOB", "Mobility"), ("HAND", "Hand function"),
            ("PC", "Personal care"), ("INC", "Incontinence"), ("COMM", "Communication"), ("LD", "Learning"),
            ("HEAR", "Hearing"), ("VIS", "Vision"), ("BEH", "Behaviour"), ("CON", "Consciousness"),
            ("AUT", "Autism/Asperger syndrome"), ("DDA", "Other DDA")),
        [LegalStatus] = Map(("C1", "Interim care order"), ("C2", "Full care order"),
            ("D1", "Freeing order granted"), ("E1", "Placement order granted"),
            ("J1", "Remanded to LA accommodation"), ("J2", "Placed in LA accommodation under PACE"),
            ("J3", "Sentenced to supervision order with residence requirement"), ("L1", "Under police protection"),
            ("L2", "Emergency protection order"), ("L3", "Child assessment order"),
            ("V2", "Single period of accommodation under s20"), ("V3", "Accommodated under agreed series of short-term breaks"),
            ("V4", "Accommodated under an agreed series of short-term breaks, when agreements are recorded")),
        [PlacementType] = Map(("U1", "Foster placement with relative or friend: long term"),
            ("U2", "Foster placement with relative or friend who is also an approved adopter"),
            ("U3", "Foster placement with relative or friend: not long term"), ("U4", "Foster placement with other carer: long term"),
            ("U5", "Foster placement with other carer who is also an approved adopter"),
            ("U6", "Foster placement with other carer: not long term"), ("K2", "Children's home"),
            ("P1", "Placed with own parents"), ("P2", "Independent living"), ("R1", "Residential care home"),
            ("R2", "NHS/health trust"), ("R3", "Family centre or mother and baby unit"), ("R5", "Young offender institution"),
            ("S1", "All residential schools"), ("A3", "Placed for adoption with parental consent"),
            ("A5", "Placed for adoption with placement order"), ("H5", "Semi-independent living"), ("Z1", "Other placements")),
        [ClaStartReason] = Map(("S", "Started to be looked after"), ("P", "Change of placement"),
            ("L", "Change of legal status"), ("T", "Change of legal status and placement"), ("B", "Change of placement and legal status"),
            ("U", "Change of legal status and placement simultaneously")),
        [ClaCeasedReason] = Map(("E11", "Adopted: application unopposed"), ("E12", "Adopted: consent dispensed with"),
            ("E13", "Left care to live with parents"), ("E14", "Accommodation on remand ended"),
            ("E15", "Age assessment determined child is aged 18 or over"), ("E16", "Child moved abroad"),
            ("E17", "Aged 18 (or over) and remained with current carers"), ("E2", "Died"),
            ("E3", "Care taken over by another LA"), ("E41", "Residence order granted"),
            ("E45", "Special guardianship order made to former foster carers"),
            ("E46", "Special guardianship order made to carers other than former foster carers"),
            ("E47", "Special guardianship order made to former foster carers (relative or friend)"),
            ("E48", "Special guardianship order made to carers other than former foster carers (relative or friend)"),
            ("E4A", "Returned home to live with parents"), ("E4B", "Returned home, not under parental responsibility"),
            ("E5", "Moved into independent living"), ("E6", "Transferred to residential care funded by adult services"),
            ("E7", "Sentenced to custody"), ("E8", "Period of care ended for any other reason"),
            ("E9", "Sentenced to custody"), ("X1", "Episode ceases, new episode begins on same day")),
        [CareLeaverInTouch] = Map(("YES", "In touch"), ("NO", "Not in touch"), ("DIED", "Died"),
            ("REFU", "Refuses contact"), ("NREQ", "No longer requires services"), ("RHOM", "Returned home")),
        [CareLeaverAccommodation] = Map(("B", "With parents or relatives"), ("C", "Community home"),
            ("D", "Semi-independent, transitional accommodation"), ("E", "Supported lodgings"), ("G", "Gone abroad"),
            ("H", "Deported"), ("K", "Ordinary lodgings"), ("R", "Residence not known"), ("S", "No fixed abode / homeless"),
            ("T", "Foyers"), ("U", "Independent living"), ("V", "Emergency accommodation"),
            ("W", "Bed and breakfast"), ("X", "In custody"), ("Y", "Other accommodation"), ("Z", "With former foster carers")),
        [CareLeaverActivity] = Map(("F1", "Full-time higher education"), ("P1", "Part-time higher education"),
            ("F2", "Full-time education other than higher"), ("P2", "Part-time education other than higher"),
            ("F4", "Full-time training or employment"), ("P4", "Part-time training or employment"),
            ("F5", "Full-time apprenticeship"), ("P5", "Part-time apprenticeship"),
            ("G4", "Not in education, training or employment: illness/disability"),
            ("G5", "Not in education, training or employment: other reasons"),
            ("G6", "Not in education, training or employment: pregnancy or parenting")),
        [Agency] = Map(("LA", "Local authority"), ("POLICE", "Police"), ("HEALTH", "Health"), ("EDUCATION", "Education"),
            ("PROBATION", "Probation"), ("HOUSING", "Housing"), ("OTHER", "Other agency")),
        [MeetingType] = Map(("STRAT", "Strategy discussion"), ("ICPC", "Initial child protection conference"),
            ("RCPC", "Review child protection conference"), ("CORE", "Core group"), ("CLAR", "Looked-after review")),
        [OversightType] = Map(("SUPERVISION", "Supervision"), ("DECISION", "Management decision"),
            ("AUTHORISATION", "Authorisation")),
    };

    private static Dictionary<string, string> Map(params (string Code, string Label)[] items) =>
        items.ToDictionary(i => i.Code, i => i.Label, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every list name.</summary>
    public static IEnumerable<string> Names => Lists.Keys;

    /// <summary>The codes of one list with their labels.</summary>
    public static IReadOnlyDictionary<string, string> Get(string list) =>
        Lists.TryGetValue(list, out var codes) ? codes : throw new ArgumentException($"There is no code list called {list}.", nameof(list));

    /// <summary>The code as the list spells it, or null when the value is not in the list.</summary>
    public static string? Normalise(string list, string value) =>
        Canonical.Value[list].TryGetValue(value.Trim(), out var code) ? code : null;

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Canonical = new(() =>
        Lists.ToDictionary(l => l.Key, l => l.Value.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal));

    public static bool Contains(string list, string value) => Get(list).ContainsKey(value.Trim());
}

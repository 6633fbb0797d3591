using Dashboard.Core.Codes;

namespace Dashboard.Returns.AnnexA;

/// <summary>How a column's values are written and read: the writer formats them as the template does, the importer
/// turns them back into the SSD contract's forms.</summary>
public enum AnnexACellKind
{
    Text,
    Date,
    /// <summary>A code from a DfE list, written "a) CODE: label" as the template's drop-downs do.</summary>
    Code,
    /// <summary>Yes/No, written "a) Yes" / "b) No".</summary>
    Flag,
    Number,
}

/// <summary>One column of a list: its heading as the template prints it, other spellings councils use, and its field.</summary>
/// <param name="Required">A sheet without this heading cannot be read (its rows could not be placed).</param>
public sealed record AnnexAColumn(string Field, string Heading, AnnexACellKind Kind, string? CodeList = null, bool Required = false,
    params string[] Aliases);

/// <summary>One of Ofsted's Annex A lists: its number, its title and its columns in the template's order.</summary>
public sealed record AnnexAList(int Number, string Title, int LookbackMonths, IReadOnlyList<AnnexAColumn> Columns)
{
    public AnnexAColumn Column(string field) => Columns.First(c => c.Field == field);
}

/// <summary>
/// The lists of Ofsted's Annex A (2019 update of the ILACS template, as in /work/shared/DOMAIN.md and docs/returns/annex-a.md):
/// every list starts with the child's identifiers and characteristics; lists 1-9 look back 6 months, 10-11 12 months.
/// The importer matches headings case- and space-insensitively, so "Date of referral" and "DATE OF REFERRAL " are one.
/// </summary>
public static class AnnexALists
{
    public const string ChildId = "child_id", Gender = "gender", Ethnicity = "ethnicity", Dob = "dob", Age = "age";
    public const string Date = "date", Source = "source", EndDate = "end_date", Organisation = "organisation";
    public const string Nfa = "nfa", ReferralsLast12 = "referrals_12m", Team = "team", Worker = "worker", Disability = "disability";
    public const string Seen = "seen", AuthDate = "auth_date", NeedsSupport = "needs_support";
    public const string IcpcUnnecessary = "icpc_unnecessary", IcpcDate = "icpc_date", IcpcPlan = "icpc_plan", S47Last12 = "s47_12m", IcpcLast12 = "icpc_12m";
    public const string PrimaryNeed = "primary_need", LastSeen = "last_seen", CloseDate = "close_date", CloseReason = "close_reason", CaseStatus = "case_status";
    public const string InitialCategory = "initial_category", LatestCategory = "latest_category", LastVisit = "last_visit", SeenAlone = "seen_alone";
    public const string LatestReview = "latest_review", Epo = "epo", PreviousPlans = "previous_plans";
    public const string Uasc = "uasc", LegalStatus = "legal_status", CeasedReason = "ceased_reason", PlacementType = "placement_type";
    public const string PlacementStart = "placement_start", PlacementsLast12 = "placements_12m";
    public const string Eligibility = "eligibility", InTouch = "in_touch", Accommodation = "accommodation", Suitable = "suitable", Activity = "activity";
    public const string Decision = "decision", Outcome = "outcome";

    private static readonly AnnexAColumn[] Child =
    [
        new(ChildId, "Child Unique ID", AnnexACellKind.Text, Required: true, Aliases: ["Child ID", "Unique ID", "Child Unique Identifier"]),
        new(Gender, "Gender", AnnexACellKind.Code, CodeLists.Sex),
        new(Ethnicity, "Ethnicity", AnnexACellKind.Code, CodeLists.Ethnicity),
        new(Dob, "Date of Birth", AnnexACellKind.Date, Aliases: ["DOB"]),
        new(Age, "Age of Child (Years)", AnnexACellKind.Number, Aliases: ["Age"]),
    ];

    private static AnnexAColumn Dis => new(Disability, "Does the Child have a Disability", AnnexACellKind.Flag);
    private static AnnexAColumn[] Allocated => [new(Team, "Allocated Team", AnnexACellKind.Text), new(Worker, "Allocated Worker", AnnexACellKind.Text)];

    private static AnnexAList L(int number, string title, AnnexAColumn[] columns) =>
        new(number, title, number >= 10 ? 12 : 6, [.. Child, .. columns]);

    public static readonly IReadOnlyList<AnnexAList> All =
    [
        L(1, "Contacts", [
            new(Date, "Date of Contact", AnnexACellKind.Date, Required: true),
            new(Source, "Contact Source", AnnexACellKind.Code, CodeLists.ReferralSource)]),
        L(2, "Early Help", [
            new(Date, "Assessment start date", AnnexACellKind.Date, Required: true),
            new(EndDate, "Assessment completion date", AnnexACellKind.Date),
            new(Organisation, "Organisation completing assessment", AnnexACellKind.Text)]),
        L(3, "Referrals", [
            new(Date, "Date of referral", AnnexACellKind.Date, Required: true),
            new(Source, "Referral Source", AnnexACellKind.Code, CodeLists.ReferralSource),
            new(Nfa, "Referral NFA?", AnnexACellKind.Flag),
            new(ReferralsLast12, "Number of Referrals in Last 12 Months", AnnexACellKind.Number),
            .. Allocated]),
        L(4, "Assessments", [Dis,
            new(Date, "Continuous Assessment Start Date", AnnexACellKind.Date, Required: true),
            new(Seen, "Child Seen During Continuous Assessment", AnnexACellKind.Flag),
            new(AuthDate, "Continuous Assessment Date of Authorisation", AnnexACellKind.Date),
            new(NeedsSupport, "Was the child assessed as requiring LA children's social care support", AnnexACellKind.Flag),
            .. Allocated]),
        L(5, "Section 47 Enquiries and Initial Child Protection Conferences", [Dis,
            new(Date, "Strategy discussion initiating Section 47 Enquiry Start Date", AnnexACellKind.Date, Required: true),
            new(IcpcUnnecessary, "Was an Initial Child Protection Conference deemed unnecessary?", AnnexACellKind.Flag),
            new(IcpcDate, "Date of Initial Child Protection Conference", AnnexACellKind.Date),
            new(IcpcPlan, "Did the Initial Child Protection Conference Result in a Child Protection Plan", AnnexACellKind.Flag),
            new(S47Last12, "Number of Section 47 Enquiries in the last 12 months", AnnexACellKind.Number),
            new(IcpcLast12, "Number of ICPCs in the last 12 months", AnnexACellKind.Number),
            .. Allocated]),
        L(6, "Children in Need", [Dis,
            new(Date, "CIN Start Date", AnnexACellKind.Date, Required: true),
            new(PrimaryNeed, "Primary Need Code", AnnexACellKind.Code, CodeLists.PrimaryNeed),
            new(LastSeen, "Date Child Was Last Seen", AnnexACellKind.Date),
            new(CloseDate, "CIN Closure Date", AnnexACellKind.Date),
            new(CloseReason, "Reason for Closure", AnnexACellKind.Code, CodeLists.ClosureReason),
            new(CaseStatus, "Case status", AnnexACellKind.Text),
            .. Allocated]),
        L(7, "Child Protection", [Dis,
            new(Date, "Child Protection Plan Start Date", AnnexACellKind.Date, Required: true),
            new(InitialCategory, "Initial Category of Abuse", AnnexACellKind.Code, CodeLists.CpCategory),
            new(LatestCategory, "Latest Category of Abuse", AnnexACellKind.Code, CodeLists.CpCategory),
            new(LastVisit, "Date of the Last Statutory Visit", AnnexACellKind.Date),
            new(SeenAlone, "Was the Child Seen Alone?", AnnexACellKind.Flag),
            new(LatestReview, "Date of latest review conference", AnnexACellKind.Date),
            new(EndDate, "Child Protection Plan End Date", AnnexACellKind.Date),
            new(Epo, "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", AnnexACellKind.Flag),
            new(PreviousPlans, "Number of Previous Child Protection Plans", AnnexACellKind.Number),
            .. Allocated]),
        L(8, "Children in Care", [
            new(Uasc, "UASC within the Last 12 Months", AnnexACellKind.Flag),
            Dis,
            new(LegalStatus, "Legal Status", AnnexACellKind.Code, CodeLists.LegalStatus),
            new(Date, "Date Started to be Looked After", AnnexACellKind.Date, Required: true, Aliases: ["Date of Latest Period of Care Start"]),
            new(PrimaryNeed, "Category of Need", AnnexACellKind.Code, CodeLists.PrimaryNeed),
            new(EndDate, "Date Ceased to be Looked After", AnnexACellKind.Date),
            new(CeasedReason, "Reason Ceased to be Looked After", AnnexACellKind.Code, CodeLists.ClaCeasedReason),
            new(PlacementStart, "Date of Latest Placement Start", AnnexACellKind.Date, Aliases: ["Placement Start Date"]),
            new(PlacementType, "Placement Type", AnnexACellKind.Code, CodeLists.PlacementType),
            new(PlacementsLast12, "Number of Placements in the Last 12 Months", AnnexACellKind.Number),
            new(LastVisit, "Date of Last Social Work Visit", AnnexACellKind.Date),
            new(LatestReview, "Date of Latest Statutory Review", AnnexACellKind.Date),
            .. Allocated]),
        L(9, "Care Leavers", [Dis, .. Allocated,
            new(Eligibility, "Eligibility Category", AnnexACellKind.Text),
            new(InTouch, "LA In Touch", AnnexACellKind.Code, CodeLists.CareLeaverInTouch),
            new(Accommodation, "Type of Accommodation", AnnexACellKind.Code, CodeLists.CareLeaverAccommodation),
            new(Suitable, "Suitability of Accommodation", AnnexACellKind.Flag),
            new(Activity, "Activity Status", AnnexACellKind.Code, CodeLists.CareLeaverActivity)]),
        L(10, "Adoption", [
            new(Date, "Date Started to be Looked After", AnnexACellKind.Date),
            new(Decision, "Date of Decision that Child Should be Placed for Adoption", AnnexACellKind.Date),
            new(Outcome, "Date of Adoption Order", AnnexACellKind.Date)]),
        new(11, "Adopters", 12,
        [
            new(ChildId, "Adopter Unique ID", AnnexACellKind.Text, Required: true, Aliases: ["Adopter ID"]),
            new(Date, "Date of Initial Enquiry", AnnexACellKind.Date),
            new(Decision, "Date of Approval", AnnexACellKind.Date),
        ]),
    ];

    public static AnnexAList Number(int number) => All[number - 1];
}

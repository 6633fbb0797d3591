namespace Dashboard.Reports.AnnexA;

/// <summary>
/// The Annex A template's column headers (Ofsted, 2019 update), character for character, as DOMAIN.md lists them.
/// Every list starts with the same five child columns. List 8's template has 33 columns and DOMAIN.md names only
/// some of them: the headers here are the ones confirmed from the template's wording in public Annex A tooling;
/// the front sheet says so.
/// </summary>
public static class AnnexAHeaders
{
    public const string AllocatedTeam = "Allocated Team";
    public const string AllocatedWorker = "Allocated Worker";
    public const string Disability = "Does the Child have a Disability";

    public static IReadOnlyList<string> Child { get; } =
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];

    public static IReadOnlyList<string> List1 { get; } = [.. Child, "Date of Contact", "Contact Source"];

    public static IReadOnlyList<string> List2 { get; } =
        [.. Child, "Assessment start date", "Assessment completion date", "Organisation completing assessment"];

    public static IReadOnlyList<string> List3 { get; } =
    [
        .. Child, "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
        AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List4 { get; } =
    [
        .. Child, Disability, "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List5 { get; } =
    [
        .. Child, Disability, "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
        AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List6 { get; } =
    [
        .. Child, Disability, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
        "Reason for Closure", "Case status", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List7 { get; } =
    [
        .. Child, Disability, "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
        "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List8 { get; } =
    [
        .. Child, Disability, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        "Date Started to be Looked After", "Child's Category of Need", "Child's Legal Status",
        "Start date of current legal status", "What is the permanence plan for this child?",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Number of Placements in the Last 12 months", "Start Date of Most Recent Placement", "Placement Type",
        "Placement Provider", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
        "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Date Ceased to be Looked After", "Reason Ceased to be Looked After", AllocatedTeam, AllocatedWorker,
    ];

    public static IReadOnlyList<string> List9 { get; } =
    [
        .. Child, Disability, AllocatedTeam, AllocatedWorker, "Eligibility Category", "LA In Touch",
        "Type of Accommodation", "Suitability of Accommodation", "Activity Status",
    ];
}

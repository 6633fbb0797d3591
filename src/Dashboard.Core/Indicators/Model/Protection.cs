namespace Dashboard.Core.Indicators.Model;

// Child protection: s47 enquiries, strategy discussions, conferences, plans, visits and reviews
// (fact_s47_enquiry, fact_strategy_discussion, fact_meeting_attendance, fact_icpc, fact_cp_plan,
// fact_cp_visit, fact_cp_review).

/// <summary>
/// A section 47 enquiry. <paramref name="IcpcRequired"/> is the outcome JSON's CP_CONFERENCE_FLAG: a
/// conference was booked.
/// </summary>
public sealed record S47Enquiry(
    string S47Id, string PersonId, DateOnly Start, DateOnly? End = null, string? ReferralId = null, bool? IsNfa = null,
    bool? IcpcRequired = null, string? TeamId = null, string? WorkerId = null);

/// <summary>
/// A strategy discussion with which key agencies attended (fact_strategy_discussion, derived by the ETL from
/// the STRAT rows of the meeting attendance extension table).
/// </summary>
public sealed record StrategyDiscussion(
    string MeetingId, string PersonId, DateOnly Date, string? S47Id = null, bool PoliceAttended = false,
    bool HealthAttended = false, bool EducationAttended = false, int AgenciesInvited = 0, int AgenciesAttended = 0);

/// <summary>
/// One agency's invitation to one meeting (our extension table ssd_ext_meeting_attendance). Meeting types:
/// STRAT, ICPC, RCPC, CORE, CLAR; agencies: LA, POLICE, HEALTH, EDUCATION, PROBATION, HOUSING, OTHER.
/// </summary>
public sealed record MeetingAttendance(
    string AttendanceId, string MeetingId, string MeetingType, DateOnly Date, string PersonId, string Agency,
    bool? Invited = null, bool? Attended = null, bool? ReportProvided = null);

/// <summary>An initial child protection conference. A transfer-in conference is excluded from timeliness.</summary>
public sealed record Icpc(
    string IcpcId, string PersonId, DateOnly Date, string? S47Id = null, string? CpPlanId = null, bool IsTransferIn = false,
    bool? OutcomeCpPlan = null, string? TeamId = null, string? WorkerId = null, string? MeetingId = null, string? ReferralId = null);

/// <summary>A child protection plan; <paramref name="End"/> is its last day, null while open.</summary>
public sealed record CpPlan(string CpPlanId, string PersonId, DateOnly Start, DateOnly? End = null, string? IcpcId = null, string? ReferralId = null);

/// <summary>A statutory visit to a child on a child protection plan.</summary>
public sealed record CpVisit(string VisitId, string CpPlanId, string PersonId, DateOnly Date, bool? Seen = null, bool? SeenAlone = null);

/// <summary>A review conference: <paramref name="Due"/> as recorded, <paramref name="Held"/> null until held.</summary>
public sealed record CpReview(string ReviewId, string CpPlanId, string PersonId, DateOnly? Due = null, DateOnly? Held = null);

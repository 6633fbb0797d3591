namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// The rows an engine run reads, as loaded from the warehouse (or built by a test). Every list may be
/// empty; <see cref="Availability"/> says which sources the extract actually had, so an empty optional
/// source reads as "not available" rather than zero.
/// </summary>
public sealed record CaseFacts
{
    public IReadOnlyList<Child> Children { get; init; } = [];
    public IReadOnlyList<Team> Teams { get; init; } = [];
    public IReadOnlyList<WorkerSpell> WorkerSpells { get; init; } = [];
    public IReadOnlyList<Involvement> Involvements { get; init; } = [];
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public IReadOnlyList<Referral> Referrals { get; init; } = [];
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];
    public IReadOnlyList<CinPlan> CinPlans { get; init; } = [];
    public IReadOnlyList<CinVisit> CinVisits { get; init; } = [];
    public IReadOnlyList<S47Enquiry> S47Enquiries { get; init; } = [];
    public IReadOnlyList<StrategyDiscussion> StrategyDiscussions { get; init; } = [];
    public IReadOnlyList<MeetingAttendance> MeetingAttendance { get; init; } = [];
    public IReadOnlyList<Icpc> Icpcs { get; init; } = [];
    public IReadOnlyList<CpPlan> CpPlans { get; init; } = [];
    public IReadOnlyList<CpVisit> CpVisits { get; init; } = [];
    public IReadOnlyList<CpReview> CpReviews { get; init; } = [];
    public IReadOnlyList<ClaEpisode> ClaEpisodes { get; init; } = [];
    public IReadOnlyList<Placement> Placements { get; init; } = [];
    public IReadOnlyList<ClaVisit> ClaVisits { get; init; } = [];
    public IReadOnlyList<ClaReview> ClaReviews { get; init; } = [];
    public IReadOnlyList<LegalStatus> LegalStatuses { get; init; } = [];
    public IReadOnlyList<CareLeaver> CareLeavers { get; init; } = [];
    public IReadOnlyList<Oversight> Oversight { get; init; } = [];

    public DataAvailability Availability { get; init; } = DataAvailability.All;

    /// <summary>
    /// The day the data is as at (the extract's date). Null: the latest date found in the rows. Nothing
    /// after it is known, so the latest month's "as at" date is this day, not the month's end.
    /// </summary>
    public DateOnly? ExtractDate { get; init; }
}

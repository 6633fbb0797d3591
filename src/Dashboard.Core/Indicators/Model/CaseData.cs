using Dashboard.Core.Indicators.Engine;

namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// The in-memory case data one engine run reads: the <see cref="CaseFacts"/> plus lookups built once
/// (sorted by date, grouped by child, merged open spells) so each indicator-month is a few binary
/// searches per child rather than a rescan of every row. Immutable and safe to share across threads.
/// </summary>
public sealed partial class CaseData
{
    public CaseData(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Facts = facts;
        ExtractDate = facts.ExtractDate ?? LatestDate(facts);
        FirstMonth = Month.Of(EarliestFrontDoorDate(facts) ?? ExtractDate);
        Children = facts.Children.ToDictionary(c => c.PersonId, StringComparer.Ordinal);
        Teams = facts.Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        Allocation = new Allocation(facts.Involvements, facts.WorkerSpells);

        Contacts = new DatedList<Contact>(facts.Contacts, c => c.Date, c => c.ContactId);
        ContactsByChild = new ByPerson<Contact>(facts.Contacts, c => c.PersonId, c => c.Date, c => c.ContactId);
        Referrals = new DatedList<Referral>(facts.Referrals, r => r.Date, r => r.ReferralId);
        ReferralsByChild = new ByPerson<Referral>(facts.Referrals, r => r.PersonId, r => r.Date, r => r.ReferralId);
        ReferralsById = ById(facts.Referrals, r => r.ReferralId);
        AssessmentsByStart = new DatedList<Assessment>(facts.Assessments, a => a.Start, a => a.AssessmentId);
        AssessmentAuthorisations = EndedBlocks.Of(AssessmentsByStart, a => a.AuthorisedOn);
        AssessmentsByAuthorisation = new DatedList<Assessment>(
            facts.Assessments.Where(a => a.AuthorisedOn is not null), a => a.AuthorisedOn!.Value, a => a.AssessmentId);

        CinPlans = new DatedList<CinPlan>(facts.CinPlans, p => p.Start, p => p.CinPlanId);
        CinPlanEnds = EndedBlocks.Of(CinPlans, p => p.End);
        CinSeenVisitsByChild = new ByPerson<CinVisit>(facts.CinVisits.Where(v => v.Seen == true), v => v.PersonId, v => v.Date, v => v.VisitId);

        S47ById = ById(facts.S47Enquiries, s => s.S47Id);
        S47sByEnd = new DatedList<S47Enquiry>(facts.S47Enquiries.Where(s => s.End is not null), s => s.End!.Value, s => s.S47Id);
        StrategyDiscussions = new DatedList<StrategyDiscussion>(facts.StrategyDiscussions, s => s.Date, s => s.MeetingId);
        MeetingAttendance = new DatedList<MeetingAttendance>(facts.MeetingAttendance, m => m.Date, m => m.AttendanceId);
        Icpcs = new DatedList<Icpc>(facts.Icpcs, i => i.Date, i => i.IcpcId);
        IcpcsById = ById(facts.Icpcs, i => i.IcpcId);
        S47sWithIcpc = facts.Icpcs.Where(i => i.S47Id is not null).Select(i => i.S47Id!).ToHashSet(StringComparer.Ordinal);

        CpPlans = new DatedList<CpPlan>(facts.CpPlans, p => p.Start, p => p.CpPlanId);
        CpPlanEnds = EndedBlocks.Of(CpPlans, p => p.End);
        CpPlansByEnd = new DatedList<CpPlan>(facts.CpPlans.Where(p => p.End is not null), p => p.End!.Value, p => p.CpPlanId);
        CpPlansByChild = new ByPerson<CpPlan>(facts.CpPlans, p => p.PersonId, p => p.Start, p => p.CpPlanId);
        CpVisits = new DatedList<CpVisit>(facts.CpVisits, v => v.Date, v => v.VisitId);
        CpSeenVisitsByChild = new ByPerson<CpVisit>(facts.CpVisits.Where(v => v.Seen == true), v => v.PersonId, v => v.Date, v => v.VisitId);
        CpReviewsHeldByPlan = new ByPerson<CpReview>(facts.CpReviews.Where(r => r.Held is not null), r => r.CpPlanId, r => r.Held!.Value, r => r.ReviewId);

        PeriodsOfCare = BuildPeriodsOfCare(facts.ClaEpisodes);
        PeriodOfCareEnds = EndedBlocks.Of(PeriodsOfCare, p => p.End);
        PlacementsByChild = new ByPerson<Placement>(facts.Placements, p => p.PersonId, p => p.Start, p => p.PlacementId);
        ClaSeenVisitsByChild = new ByPerson<ClaVisit>(facts.ClaVisits.Where(v => v.Seen == true), v => v.PersonId, v => v.Date, v => v.VisitId);
        ClaReviewsByPeriod = facts.ClaReviews.Where(r => !r.Cancelled && (r.Held ?? r.Due) is not null)
            .GroupBy(r => r.ClaId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Held ?? r.Due).ThenBy(r => r.ReviewId, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        OversightByChild = new ByPerson<Oversight>(facts.Oversight, o => o.PersonId, o => o.Date, o => o.OversightId);
        OpenCases = BuildOpenCases(facts, PeriodsOfCare);
    }

    public CaseFacts Facts { get; }

    public DataAvailability Availability => Facts.Availability;

    /// <summary>The day the data is as at; nothing later is known.</summary>
    public DateOnly ExtractDate { get; }

    /// <summary>The month of the earliest contact or referral (with none, the earliest care episode or CP plan): where a run
    /// starts unless told otherwise.</summary>
    public Month FirstMonth { get; }

    /// <summary>The month holding <see cref="ExtractDate"/>: the latest month a run reports.</summary>
    public Month LastMonth => Month.Of(ExtractDate);

    /// <summary>
    /// The date an "as at" indicator is evaluated on for <paramref name="month"/>: its last day, or the
    /// extract date for the latest, unfinished month (a plan is not overdue on a day not yet lived).
    /// </summary>
    public DateOnly AsAt(Month month) => month.Last <= ExtractDate ? month.Last : ExtractDate;

    public IReadOnlyDictionary<string, Child> Children { get; }
    public IReadOnlyDictionary<string, Team> Teams { get; }
    public Allocation Allocation { get; }

    public DatedList<Contact> Contacts { get; }
    public ByPerson<Contact> ContactsByChild { get; }
    public DatedList<Referral> Referrals { get; }
    public ByPerson<Referral> ReferralsByChild { get; }
    public IReadOnlyDictionary<string, Referral> ReferralsById { get; }
    public DatedList<Assessment> AssessmentsByStart { get; }
    /// <summary><see cref="AssessmentsByStart"/>'s authorisation dates by block, to step over assessments long authorised.</summary>
    public EndedBlocks AssessmentAuthorisations { get; }
    /// <summary>Authorised assessments by authorisation date.</summary>
    public DatedList<Assessment> AssessmentsByAuthorisation { get; }

    public DatedList<CinPlan> CinPlans { get; }
    /// <summary><see cref="CinPlans"/>' end dates by block, to step over plans long ended.</summary>
    public EndedBlocks CinPlanEnds { get; }
    /// <summary>CIN visits where the child was seen, per child.</summary>
    public ByPerson<CinVisit> CinSeenVisitsByChild { get; }

    public IReadOnlyDictionary<string, S47Enquiry> S47ById { get; }
    /// <summary>Ended s47 enquiries by end date.</summary>
    public DatedList<S47Enquiry> S47sByEnd { get; }
    public DatedList<StrategyDiscussion> StrategyDiscussions { get; }
    public DatedList<MeetingAttendance> MeetingAttendance { get; }
    public DatedList<Icpc> Icpcs { get; }
    public IReadOnlyDictionary<string, Icpc> IcpcsById { get; }
    /// <summary>The s47 enquiries that an initial conference refers to.</summary>
    public IReadOnlySet<string> S47sWithIcpc { get; }

    /// <summary>CP plans by start date.</summary>
    public DatedList<CpPlan> CpPlans { get; }
    /// <summary><see cref="CpPlans"/>' end dates by block, to step over plans long ended.</summary>
    public EndedBlocks CpPlanEnds { get; }
    /// <summary>Ended CP plans by end date.</summary>
    public DatedList<CpPlan> CpPlansByEnd { get; }
    public ByPerson<CpPlan> CpPlansByChild { get; }
    public DatedList<CpVisit> CpVisits { get; }
    /// <summary>CP visits where the child was seen, per child.</summary>
    public ByPerson<CpVisit> CpSeenVisitsByChild { get; }
    /// <summary>Held review conferences per CP plan id, by date held.</summary>
    public ByPerson<CpReview> CpReviewsHeldByPlan { get; }

    /// <summary>Periods of care by start date.</summary>
    public DatedList<PeriodOfCare> PeriodsOfCare { get; }
    /// <summary><see cref="PeriodsOfCare"/>' end dates by block, to step over periods long ended.</summary>
    public EndedBlocks PeriodOfCareEnds { get; }
    public ByPerson<Placement> PlacementsByChild { get; }
    /// <summary>CLA visits where the child was seen, per child.</summary>
    public ByPerson<ClaVisit> ClaSeenVisitsByChild { get; }
    /// <summary>Reviews not cancelled, per period of care, in order held (or due, when not yet held).</summary>
    public IReadOnlyDictionary<string, ClaReview[]> ClaReviewsByPeriod { get; }

    public ByPerson<Oversight> OversightByChild { get; }

    /// <summary>
    /// Every child's open-case spells: an open CIN episode (a referral that was not NFA, to its close date),
    /// a CIN plan, a CP plan, or a period of care, merged. OVERSIGHT-01, WORKFORCE-01 and -02 read it.
    /// </summary>
    public IReadOnlyList<ChildSpells> OpenCases { get; }

    /// <summary>The service area a team belongs to, or <see cref="Allocation.Unknown"/>.</summary>
    public string ServiceAreaOf(string teamId) =>
        Teams.TryGetValue(teamId, out var team) && !string.IsNullOrEmpty(team.ServiceAreaId) ? team.ServiceAreaId : Allocation.Unknown;

    /// <summary>The child's age in whole years on <paramref name="date"/>, or null when the date of birth is unknown.</summary>
    public int? AgeOn(string personId, DateOnly date)
    {
        if (!Children.TryGetValue(personId, out var child) || child.DateOfBirth is not { } born) return null;
        var age = date.Year - born.Year;
        if (date < born.AddYears(age)) age--;
        return age;
    }

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        // The ETL keeps business keys unique; if a test or a future source repeats one, the last wins.
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map[id(item)] = item;
        return map;
    }
}

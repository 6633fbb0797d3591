using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>One child's story, in the order things happened. Each method adds one fact.</summary>
public sealed partial class ChildBuilder(string personId)
{
    private int _next;
    private string? _cpPlan;
    private string? _cla;
    private string? _s47;
    private string? _referral;

    private readonly List<Involvement> _involvements = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<Referral> _referrals = [];
    private readonly List<Assessment> _assessments = [];
    private readonly List<CinPlan> _cinPlans = [];
    private readonly List<CinVisit> _cinVisits = [];
    private readonly List<S47Enquiry> _s47s = [];
    private readonly List<StrategyDiscussion> _discussions = [];
    private readonly List<MeetingAttendance> _meetings = [];
    private readonly List<Icpc> _icpcs = [];
    private readonly List<CpPlan> _cpPlans = [];
    private readonly List<CpVisit> _cpVisits = [];
    private readonly List<CpReview> _cpReviews = [];
    private readonly List<ClaEpisode> _episodes = [];
    private readonly List<Placement> _placements = [];
    private readonly List<ClaVisit> _claVisits = [];
    private readonly List<ClaReview> _claReviews = [];
    private readonly List<CareLeaver> _careLeavers = [];
    private readonly List<Oversight> _oversight = [];

    public string PersonId { get; } = personId;

    internal Child Child { get; private set; } = new(personId);

    private string Id(string kind) => $"{PersonId}-{kind}{++_next}";

    public ChildBuilder BornOn(DateOnly date)
    {
        Child = Child with { DateOfBirth = date };
        return this;
    }

    public ChildBuilder AllocatedTo(string worker, DateOnly from, DateOnly? to = null, string? team = null)
    {
        _involvements.Add(new Involvement(Id("inv"), PersonId, worker, team, from, to));
        return this;
    }

    public ChildBuilder Contact(DateOnly on, bool newReferral = true)
    {
        _contacts.Add(new Contact(Id("con"), PersonId, on, newReferral));
        return this;
    }

    public ChildBuilder Referred(DateOnly on, bool nfa = false, DateOnly? closed = null, string? team = null, string? worker = null)
    {
        _referral = Id("ref");
        _referrals.Add(new Referral(_referral, PersonId, on, nfa, team, worker, closed));
        return this;
    }

    /// <summary>An assessment of the latest referral (or of none, when <paramref name="ofNoReferral"/>).</summary>
    public ChildBuilder Assessed(DateOnly started, DateOnly? authorised = null, bool nfa = false, bool ofNoReferral = false,
        string? team = null, string? worker = null)
    {
        _assessments.Add(new Assessment(Id("asm"), PersonId, ofNoReferral ? null : _referral, started, authorised, nfa, team, worker));
        return this;
    }

    public ChildBuilder OnCinPlan(DateOnly from, DateOnly? to = null, string? team = null, string? worker = null)
    {
        _cinPlans.Add(new CinPlan(Id("cin"), PersonId, from, to, _referral, team, worker));
        return this;
    }

    public ChildBuilder CinVisit(DateOnly on, bool seen = true, bool alone = false)
    {
        _cinVisits.Add(new CinVisit(Id("cinv"), PersonId, on, seen, alone));
        return this;
    }

    public ChildBuilder Section47(DateOnly started, DateOnly? ended = null, bool? conferenceBooked = null, string? team = null, string? worker = null)
    {
        _s47 = Id("s47");
        _s47s.Add(new S47Enquiry(_s47, PersonId, started, ended, _referral, false, conferenceBooked, team, worker));
        return this;
    }

    public ChildBuilder StrategyDiscussion(DateOnly on, bool police = true, bool health = true, bool education = true)
    {
        _discussions.Add(new StrategyDiscussion(Id("strat"), PersonId, on, _s47, police, health, education));
        return this;
    }

    /// <summary>An initial conference about the latest s47 enquiry.</summary>
    public ChildBuilder InitialConference(DateOnly on, bool transferIn = false, bool noEnquiry = false)
    {
        _icpcs.Add(new Icpc(Id("icpc"), PersonId, on, noEnquiry ? null : _s47, null, transferIn));
        return this;
    }

    public ChildBuilder MeetingInvitation(string meetingType, DateOnly on, string agency, bool? attended, bool report = false, string? meetingId = null)
    {
        _meetings.Add(new MeetingAttendance(Id("att"), meetingId ?? $"{PersonId}-{meetingType}-{on:yyyyMMdd}", meetingType, on, PersonId, agency,
            true, attended, report));
        return this;
    }

    public ChildBuilder Oversight(DateOnly on)
    {
        _oversight.Add(new Oversight(Id("mo"), PersonId, on));
        return this;
    }
}

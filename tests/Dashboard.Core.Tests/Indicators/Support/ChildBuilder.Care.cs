using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>Child protection plans and care.</summary>
public sealed partial class ChildBuilder
{
    /// <summary>A CP plan; with <paramref name="icpcOn"/>, the initial conference that made it.</summary>
    public ChildBuilder OnCpPlan(DateOnly from, DateOnly? to = null, DateOnly? icpcOn = null)
    {
        _cpPlan = Id("cpp");
        string? icpc = null;
        if (icpcOn is { } on)
        {
            icpc = Id("icpc");
            _icpcs.Add(new Icpc(icpc, PersonId, on, _s47, _cpPlan));
        }
        _cpPlans.Add(new CpPlan(_cpPlan, PersonId, from, to, icpc, _referral));
        return this;
    }

    public ChildBuilder CpVisit(DateOnly on, bool seen = true, bool alone = true)
    {
        _cpVisits.Add(new CpVisit(Id("cpv"), _cpPlan ?? "none", PersonId, on, seen, alone));
        return this;
    }

    public ChildBuilder CpReview(DateOnly? held, DateOnly? due = null)
    {
        _cpReviews.Add(new CpReview(Id("cpr"), _cpPlan ?? "none", PersonId, due, held));
        return this;
    }

    /// <summary>A period of care of one episode.</summary>
    public ChildBuilder LookedAfter(DateOnly from, DateOnly? to = null)
    {
        _cla = Id("cla");
        _episodes.Add(new ClaEpisode(Id("epi"), _cla, PersonId, from, to));
        return this;
    }

    public ChildBuilder Placed(DateOnly from, DateOnly? to = null, string type = "U6")
    {
        _placements.Add(new Placement(Id("plc"), _cla ?? "none", PersonId, from, to, type));
        return this;
    }

    /// <summary>A placement that starts a new episode with SSDA903 reason <paramref name="reasonForNewEpisode"/>
    /// (P: new carer; T or U: same carer).</summary>
    public ChildBuilder PlacedByEpisode(DateOnly from, string reasonForNewEpisode, string type = "U6")
    {
        var placement = Id("plc");
        _placements.Add(new Placement(placement, _cla ?? "none", PersonId, from, null, type));
        _episodes.Add(new ClaEpisode(Id("epi"), _cla ?? "none", PersonId, from, PlacementId: placement, StartReason: reasonForNewEpisode));
        return this;
    }

    public ChildBuilder ClaVisit(DateOnly on, bool seen = true)
    {
        _claVisits.Add(new ClaVisit(Id("clav"), _cla ?? "none", PersonId, on, seen, seen));
        return this;
    }

    public ChildBuilder ClaReview(DateOnly? held, DateOnly? due = null, bool cancelled = false)
    {
        _claReviews.Add(new ClaReview(Id("clar"), _cla ?? "none", PersonId, due, held, cancelled));
        return this;
    }

    public ChildBuilder CareLeaver(string inTouch = "YES", bool? suitable = true, DateOnly? pathwayReviewed = null, string accommodation = "U")
    {
        _careLeavers.Add(new CareLeaver(PersonId, "RELEVANT", inTouch, null, accommodation, suitable, null, pathwayReviewed));
        return this;
    }

    internal CaseFacts AddTo(CaseFacts f) => f with
    {
        Involvements = [.. f.Involvements, .. _involvements],
        Contacts = [.. f.Contacts, .. _contacts],
        Referrals = [.. f.Referrals, .. _referrals],
        Assessments = [.. f.Assessments, .. _assessments],
        CinPlans = [.. f.CinPlans, .. _cinPlans],
        CinVisits = [.. f.CinVisits, .. _cinVisits],
        S47Enquiries = [.. f.S47Enquiries, .. _s47s],
        StrategyDiscussions = [.. f.StrategyDiscussions, .. _discussions],
        MeetingAttendance = [.. f.MeetingAttendance, .. _meetings],
        Icpcs = [.. f.Icpcs, .. _icpcs],
        CpPlans = [.. f.CpPlans, .. _cpPlans],
        CpVisits = [.. f.CpVisits, .. _cpVisits],
        CpReviews = [.. f.CpReviews, .. _cpReviews],
        ClaEpisodes = [.. f.ClaEpisodes, .. _episodes],
        Placements = [.. f.Placements, .. _placements],
        ClaVisits = [.. f.ClaVisits, .. _claVisits],
        ClaReviews = [.. f.ClaReviews, .. _claReviews],
        CareLeavers = [.. f.CareLeavers, .. _careLeavers],
        Oversight = [.. f.Oversight, .. _oversight],
    };
}

namespace Dashboard.Core.Indicators.Model;

// Children looked after and care leavers (fact_cla_episode, fact_placement, fact_cla_visit, fact_cla_review,
// fact_legal_status, fact_care_leaver_status). ClaId identifies a period of care, which may hold several
// episodes (a change of placement or legal status starts a new episode, not a new period).

/// <summary>
/// A CLA episode. <paramref name="Ceased"/> is the date the episode ceased (SSDA903 DEC), null while open; when the
/// period of care ends there, the child is not counted as looked after on that day (the DfE's 31 March convention);
/// <paramref name="EnteredCare"/> is the start of the period of care where the source records it;
/// <paramref name="StartReason"/> is the SSDA903 reason for new episode (S, L, P, T, B or U).
/// </summary>
public sealed record ClaEpisode(
    string EpisodeId, string ClaId, string PersonId, DateOnly Start, DateOnly? Ceased = null, DateOnly? EnteredCare = null,
    string? PlacementId = null, string? StartReason = null);

/// <summary>A placement (903 placement type code, for example U1 or K2). <paramref name="End"/> is its last day.</summary>
public sealed record Placement(
    string PlacementId, string ClaId, string PersonId, DateOnly Start, DateOnly? End = null, string? PlacementType = null);

/// <summary>A statutory (regulation 28) visit to a looked-after child.</summary>
public sealed record ClaVisit(string VisitId, string ClaId, string PersonId, DateOnly Date, bool? Seen = null, bool? SeenAlone = null);

/// <summary>A looked-after review: <paramref name="Due"/> as recorded, <paramref name="Held"/> null until held.</summary>
public sealed record ClaReview(string ReviewId, string ClaId, string PersonId, DateOnly? Due = null, DateOnly? Held = null, bool Cancelled = false);

/// <summary>A legal status (903 code, for example C2 or V2).</summary>
public sealed record LegalStatus(string LegalStatusId, string PersonId, string Status, DateOnly Start, DateOnly? End = null);

/// <summary>
/// A care leaver's latest status. SSD holds one row per person with no history, so indicators built on it
/// are measured for the latest month only. <paramref name="InTouch"/> is a code (YES, NO, DIED, REFU, NREQ, RHOM).
/// </summary>
public sealed record CareLeaver(
    string PersonId, string? Eligibility = null, string? InTouch = null, DateOnly? LatestContact = null,
    string? Accommodation = null, bool? AccommodationSuitable = null, string? Activity = null,
    DateOnly? PathwayPlanReviewed = null, string? TeamId = null, string? WorkerId = null)
{
    /// <summary>In touch: the code YES (or Y, the same answer in an older form).</summary>
    public bool IsInTouch => InTouch is not null && (InTouch.Trim().Equals("YES", StringComparison.OrdinalIgnoreCase)
        || InTouch.Trim().Equals("Y", StringComparison.OrdinalIgnoreCase));
}

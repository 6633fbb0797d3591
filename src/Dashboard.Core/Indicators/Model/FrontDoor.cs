namespace Dashboard.Core.Indicators.Model;

// Contacts, referrals and assessments (fact_contact, fact_referral, fact_assessment). Team and worker
// fields are what the source recorded on the event; indicators prefer the allocation on the rule's date
// (see Engine/Allocation) and fall back to these.

/// <summary>A contact. <paramref name="IsNewReferral"/> is the outcome JSON's NEW_REFERRAL_FLAG.</summary>
public sealed record Contact(string ContactId, string PersonId, DateOnly Date, bool? IsNewReferral = null, string? SourceCode = null);

/// <summary>
/// A referral and the CIN episode it opens. <paramref name="CloseDate"/> is the episode's close date, the
/// last day it was open; null while open.
/// </summary>
public sealed record Referral(
    string ReferralId, string PersonId, DateOnly Date, bool? IsNfa = null, string? TeamId = null, string? WorkerId = null,
    DateOnly? CloseDate = null, string? SourceCode = null);

/// <summary>A child and family assessment. <paramref name="AuthorisedOn"/> is null while the assessment is open.</summary>
public sealed record Assessment(
    string AssessmentId, string PersonId, string? ReferralId, DateOnly Start, DateOnly? AuthorisedOn = null, bool? IsNfa = null,
    string? TeamId = null, string? WorkerId = null);

/// <summary>A child in need plan; <paramref name="End"/> is its last day, null while open.</summary>
public sealed record CinPlan(
    string CinPlanId, string PersonId, DateOnly Start, DateOnly? End = null, string? ReferralId = null, string? TeamId = null,
    string? WorkerId = null);

/// <summary>A visit to a child in need. Only a visit where the child was seen counts towards a visit standard.</summary>
public sealed record CinVisit(string VisitId, string PersonId, DateOnly Date, bool? Seen = null, bool? SeenAlone = null);

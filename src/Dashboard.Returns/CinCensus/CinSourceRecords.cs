namespace Dashboard.Returns.CinCensus;

/// <summary>A child as the census needs it, read from the SSD source.</summary>
internal sealed record CinChild(string Id, string? Sex, string? Ethnicity, DateOnly? BirthDate, DateOnly? ExpectedBirthDate,
    DateOnly? DeathDate)
{
    public List<string> Disabilities { get; } = [];

    public List<CinEpisode> Episodes { get; } = [];
}

/// <summary>One referral (episode of need) with what happened in it.</summary>
internal sealed record CinEpisode(string Id, DateOnly ReferralDate, string? Source, string? Need, bool? Nfa, string? CloseReason,
    DateOnly? CloseDate)
{
    public List<CinAssessment> Assessments { get; } = [];

    public List<CinPlanPeriod> CinPlans { get; } = [];

    public List<CinEnquiry> Enquiries { get; } = [];

    /// <summary>Conferences held for a child transferred in on another council's plan (no enquiry here).</summary>
    public List<DateOnly> TransferInConferences { get; } = [];

    public List<CinProtectionPlan> ProtectionPlans { get; } = [];

    public bool OpenIn(DateOnly start, DateOnly end) => ReferralDate <= end && (CloseDate is not { } close || close >= start);
}

internal sealed record CinAssessment(DateOnly Start, DateOnly? Authorised, bool? Nfa);

internal sealed record CinPlanPeriod(DateOnly Start, DateOnly? End);

/// <summary>A section 47 enquiry; <see cref="ConferenceBooked"/> is its outcome's CP_CONFERENCE_FLAG.</summary>
internal sealed record CinEnquiry(string Id, DateOnly Start, bool ConferenceBooked)
{
    public DateOnly? ConferenceDate { get; set; }

    public DateOnly? ConferenceTarget { get; set; }
}

internal sealed record CinProtectionPlan(DateOnly Start, DateOnly? End, string? InitialCategory, string? LatestCategory)
{
    public List<DateOnly> Reviews { get; } = [];

    public int PreviousPlans { get; set; }
}

namespace Dashboard.Data.Children;

/// <summary>Who the child is, from dim_child: codes decoded to their dim_code labels (the code itself where it has none).</summary>
public sealed record ChildHeader(
    string PersonId, string? Sex, string? Gender, string? Ethnicity, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, DateOnly? DeathDate,
    bool HasDisability, IReadOnlyList<string> Disabilities);

/// <summary>
/// One event in a child's history. <see cref="Kind"/> is a short label ("Referral", "CP visit"); <see cref="Summary"/> is
/// plain English with codes decoded; <see cref="EndDate"/> is set for things that last (a plan, a placement, an
/// allocation) once they have ended; <see cref="EventId"/> is the source business key (referral_id, visit_id...).
/// </summary>
public sealed record ChildEvent(
    DateOnly Date, string Kind, string Summary, string? TeamName, string? WorkerName, DateOnly? EndDate, string EventId);

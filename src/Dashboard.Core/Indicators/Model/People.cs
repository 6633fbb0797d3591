namespace Dashboard.Core.Indicators.Model;

// The people and organisation behind the facts: dim_child, dim_team and dim_worker (type 2).
// Ids are the source business keys (pers_person_id, dept_team_id, prof_professional_id).

/// <summary>A child (dim_child). <paramref name="DateOfBirth"/> is null when the source did not say.</summary>
public sealed record Child(string PersonId, DateOnly? DateOfBirth = null, string? Sex = null, bool HasDisability = false);

/// <summary>A team (dim_team) and the service area (parent department) it belongs to.</summary>
public sealed record Team(string TeamId, string Name, string? ServiceAreaId = null, string? ServiceAreaName = null);

/// <summary>
/// One spell of a worker in a team (dim_worker, type 2). <paramref name="ValidTo"/> is the last day of the
/// spell, inclusive; null while current.
/// </summary>
public sealed record WorkerSpell(string ProfessionalId, string Name, string TeamId, DateOnly ValidFrom, DateOnly? ValidTo = null)
{
    public bool CoversDate(DateOnly date) => ValidFrom <= date && (ValidTo is null || ValidTo >= date);
}

/// <summary>
/// A worker allocated to a child (fact_involvement). <paramref name="End"/> is the last day of the
/// involvement, inclusive; null while open. When two involvements cover a date, the later start wins.
/// </summary>
public sealed record Involvement(
    string InvolvementId, string PersonId, string ProfessionalId, string? TeamId, DateOnly Start, DateOnly? End = null)
{
    public bool CoversDate(DateOnly date) => Start <= date && (End is null || End >= date);
}

/// <summary>A management oversight record (our extension table ssd_ext_management_oversight).</summary>
public sealed record Oversight(string OversightId, string PersonId, DateOnly Date, string? ManagerId = null, string? Type = null);

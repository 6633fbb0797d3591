using Dashboard.Etl.Load;

namespace Dashboard.Etl.Conform;

/// <summary>The conformed dimensions the ETL loads, with their business keys.</summary>
public static class DimensionTables
{
    public static readonly TargetTable Child = new("dim_child", ["person_id"],
        ["child_key", "person_id", "sex", "gender", "ethnicity", "date_of_birth", "expected_dob", "death_date",
         "has_disability", "disability_codes"], surrogateKey: "child_key");

    public static readonly TargetTable Team = new("dim_team", ["team_id"],
        ["team_key", "team_id", "team_name", "service_area_id", "service_area_name"], surrogateKey: "team_key");

    public static readonly TargetTable Worker = new("dim_worker", ["professional_id", "valid_from"],
        ["worker_key", "professional_id", "staff_id", "worker_name", "job_title", "team_key", "fte", "is_agency",
         "caseload", "valid_from", "valid_to", "is_current"], surrogateKey: "worker_key");

    /// <summary>ISO text for the dimension's date columns.</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One loaded ssd_person row.</summary>
public sealed record PersonRow(
    string PersonId, string? Sex, string? Gender, string? Ethnicity, DateOnly? DateOfBirth, DateOnly? ExpectedDob, DateOnly? DeathDate);

/// <summary>dim_child from ssd_person and ssd_disability.</summary>
public sealed class ChildDimension
{
    private readonly List<PersonRow> _persons = [];
    private readonly Dictionary<string, SortedSet<string>> _disabilities = new(StringComparer.Ordinal);

    public void AddPerson(PersonRow person) => _persons.Add(person);

    public void AddDisability(string personId, string code)
    {
        if (!_disabilities.TryGetValue(personId, out var codes))
        {
            codes = new SortedSet<string>(StringComparer.Ordinal);
            _disabilities[personId] = codes;
        }
        codes.Add(code);
    }

    /// <summary>The dimension's rows with stable keys, and the person_id -> child_key map facts use.</summary>
    public (List<object?[]> Rows, Dictionary<string, long> Keys) Build(
        IReadOnlyDictionary<string, long> existing, long maxKey, long loadId)
    {
        var keys = StableKeys.Assign(_persons.Select(p => p.PersonId), existing, maxKey);
        var rows = new List<object?[]>(_persons.Count);
        foreach (var p in _persons.OrderBy(p => keys[p.PersonId]))
        {
            _disabilities.TryGetValue(p.PersonId, out var codes);
            var row = DimensionTables.Child.NewRow();
            row[0] = keys[p.PersonId];
            row[1] = p.PersonId;
            row[2] = p.Sex;
            row[3] = p.Gender;
            row[4] = p.Ethnicity;
            row[5] = DimensionTables.Iso(p.DateOfBirth);
            row[6] = DimensionTables.Iso(p.ExpectedDob);
            row[7] = DimensionTables.Iso(p.DeathDate);
            row[8] = codes is not null && codes.Any(c => c != "NONE") ? 1L : 0L;
            row[9] = codes is null ? null : string.Join(',', codes);
            rows.Add(DimensionTables.Child.Finish(row, loadId));
        }
        return (rows, keys);
    }
}

/// <summary>One loaded ssd_department row.</summary>
public sealed record TeamRow(string TeamId, string? Name, string? ParentId, string? ParentName);

/// <summary>dim_team from ssd_department (a team without a name is named by its id).</summary>
public sealed class TeamDimension
{
    private readonly List<TeamRow> _teams = [];

    public void Add(TeamRow team) => _teams.Add(team);

    public (List<object?[]> Rows, Dictionary<string, long> Keys) Build(
        IReadOnlyDictionary<string, long> existing, long maxKey, long loadId)
    {
        var keys = StableKeys.Assign(_teams.Select(t => t.TeamId), existing, maxKey);
        var rows = new List<object?[]>(_teams.Count);
        foreach (var t in _teams.OrderBy(t => keys[t.TeamId]))
        {
            var row = DimensionTables.Team.NewRow();
            row[0] = keys[t.TeamId];
            row[1] = t.TeamId;
            row[2] = t.Name ?? t.TeamId;
            row[3] = t.ParentId;
            row[4] = t.ParentName;
            rows.Add(DimensionTables.Team.Finish(row, loadId));
        }
        return (rows, keys);
    }
}

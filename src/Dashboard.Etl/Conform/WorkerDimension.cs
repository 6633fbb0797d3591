namespace Dashboard.Etl.Conform;

/// <summary>One loaded ssd_professionals row.</summary>
public sealed record ProfessionalRow(
    string ProfessionalId, string? StaffId, string? Name, string? JobTitle, long? Caseload, string? DepartmentTeamId,
    double? Fte, bool? IsAgency);

/// <summary>A worker's time in one team: from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive (null while current).</summary>
public sealed record Spell(DateOnly ValidFrom, DateOnly? ValidTo, string? TeamId);

/// <summary>
/// dim_worker, type 2: one row per worker per spell in a team.
/// <list type="bullet">
/// <item>Spells come from the worker's loaded involvements that name a (resolved) team, ordered by start date
/// then involvement id: a new spell starts whenever the team changes, on that involvement's start date. Two
/// teams on the same day: the later involvement (by id) wins.</item>
/// <item>The first spell starts on the first such involvement's start date; a worker with none has one spell
/// from 1900-01-01.</item>
/// <item>The current spell's team is prof_professional_department: when it differs from the team of the last
/// involvement, a current spell in the department starts the day after that involvement's start date (the
/// earliest date the move can be placed). A worker without a department keeps the involvements' last team.</item>
/// <item>valid_to is the day before the next spell starts; NULL for the current spell.</item>
/// </list>
/// Facts take the spell valid at their event date; an event before the first spell takes the first spell.
/// </summary>
public sealed class WorkerDimension
{
    public static readonly DateOnly BeginningOfTime = new(1900, 1, 1);

    private readonly Dictionary<string, ProfessionalRow> _professionals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateOnly Start, string InvolvementId, string TeamId)>> _involvements = new(StringComparer.Ordinal);

    public void AddProfessional(ProfessionalRow professional) => _professionals[professional.ProfessionalId] = professional;

    /// <summary>Notes a loaded involvement; one without a resolved team does not shape the spells.</summary>
    public void AddInvolvement(string professionalId, string involvementId, DateOnly start, string? teamId)
    {
        if (teamId is null) return;
        if (!_involvements.TryGetValue(professionalId, out var list))
        {
            list = [];
            _involvements[professionalId] = list;
        }
        list.Add((start, involvementId, teamId));
    }

    /// <summary>The spells of one worker (see the class summary for the rules).</summary>
    public static IReadOnlyList<Spell> Spells(IEnumerable<(DateOnly Start, string InvolvementId, string TeamId)> involvements, string? department)
    {
        var sorted = involvements.OrderBy(i => i.Start).ThenBy(i => i.InvolvementId, StringComparer.Ordinal).ToList();
        var starts = new List<(DateOnly From, string? Team)>();
        foreach (var (start, _, team) in sorted)
        {
            if (starts.Count == 0)
            {
                starts.Add((start, team));
            }
            else if (starts[^1].Team != team)
            {
                if (starts[^1].From == start)
                {
                    starts[^1] = (start, team);
                    if (starts.Count >= 2 && starts[^2].Team == team) starts.RemoveAt(starts.Count - 1);
                }
                else
                {
                    starts.Add((start, team));
                }
            }
        }
        if (starts.Count == 0)
        {
            starts.Add((BeginningOfTime, department));
        }
        else if (department is not null && starts[^1].Team != department)
        {
            starts.Add((sorted[^1].Start.AddDays(1), department));
        }

        var spells = new List<Spell>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            DateOnly? to = i + 1 < starts.Count ? starts[i + 1].From.AddDays(-1) : null;
            spells.Add(new Spell(starts[i].From, to, starts[i].Team));
        }
        return spells;
    }

    /// <summary>The dimension's rows with stable keys (matched on professional_id + valid_from), and the lookup facts use.</summary>
    public (List<object?[]> Rows, WorkerSpells Lookup) Build(
        IReadOnlyDictionary<string, long> existing, long maxKey, IReadOnlyDictionary<string, long> teamKeys, long loadId)
    {
        var spellsByWorker = new Dictionary<string, IReadOnlyList<Spell>>(StringComparer.Ordinal);
        foreach (var p in _professionals.Values)
        {
            _involvements.TryGetValue(p.ProfessionalId, out var list);
            spellsByWorker[p.ProfessionalId] = Spells(list ?? [], p.DepartmentTeamId);
        }
        var keys = StableKeys.Assign(
            spellsByWorker.SelectMany(w => w.Value.Select(s => BusinessKey(w.Key, s.ValidFrom))), existing, maxKey);

        var rows = new List<object?[]>();
        var lookup = new WorkerSpells();
        foreach (var (id, spells) in spellsByWorker.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var p = _professionals[id];
            var entries = new WorkerSpells.Entry[spells.Count];
            for (var i = 0; i < spells.Count; i++)
            {
                var s = spells[i];
                var key = keys[BusinessKey(id, s.ValidFrom)];
                var teamKey = s.TeamId is not null && teamKeys.TryGetValue(s.TeamId, out var tk) ? tk : 0L;
                entries[i] = new WorkerSpells.Entry(s.ValidFrom, key, teamKey);
                var row = DimensionTables.Worker.NewRow();
                row[0] = key;
                row[1] = id;
                row[2] = p.StaffId;
                row[3] = p.Name ?? id;
                row[4] = p.JobTitle;
                row[5] = teamKey;
                row[6] = p.Fte;
                row[7] = p.IsAgency is { } agency ? (agency ? 1L : 0L) : null;
                row[8] = p.Caseload;
                row[9] = DimensionTables.Iso(s.ValidFrom);
                row[10] = DimensionTables.Iso(s.ValidTo);
                row[11] = s.ValidTo is null ? 1L : 0L;
                rows.Add(DimensionTables.Worker.Finish(row, loadId));
            }
            lookup.Add(id, entries);
        }
        rows.Sort((a, b) => ((long)a[0]!).CompareTo((long)b[0]!));
        return (rows, lookup);
    }

    public static string BusinessKey(string professionalId, DateOnly validFrom) =>
        professionalId + "|" + DimensionTables.Iso(validFrom);
}

/// <summary>Finds the dim_worker row (and its team) valid for a worker on a date.</summary>
public sealed class WorkerSpells
{
    public readonly record struct Entry(DateOnly ValidFrom, long WorkerKey, long TeamKey);

    private readonly Dictionary<string, Entry[]> _spells = new(StringComparer.Ordinal);

    public void Add(string professionalId, Entry[] spells) => _spells[professionalId] = spells;

    /// <summary>The spell valid on the date (the first spell for an earlier date; the current one when the
    /// date is null); null for an unknown worker.</summary>
    public Entry? At(string professionalId, DateOnly? date)
    {
        if (!_spells.TryGetValue(professionalId, out var spells) || spells.Length == 0) return null;
        if (date is not { } day) return spells[^1];
        var found = spells[0];
        foreach (var s in spells)
        {
            if (s.ValidFrom > day) break;
            found = s;
        }
        return found;
    }
}

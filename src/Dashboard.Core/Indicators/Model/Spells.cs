namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// A span of days, both ends included; <see cref="End"/> null means still open. "Open on a date" means
/// started on or before it and not ended before it: an end date is the last day something was open.
/// </summary>
public readonly record struct Spell(DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly date) => Start <= date && (End is null || End.Value >= date);
}

/// <summary>
/// One child's open-case spells, sorted and merged (overlapping or touching spells become one), with the
/// child's allocations and oversight records resolved once here, because the rules that walk open cases
/// every month need them for every child.
/// </summary>
public sealed class ChildSpells
{
    private readonly Spell[] _spells;

    public ChildSpells(string personId, IEnumerable<Spell> spells, DatedList<Involvement>? involvements = null, DatedList<Oversight>? oversight = null)
    {
        PersonId = personId;
        _spells = Merge(spells);
        Involvements = involvements ?? DatedList<Involvement>.Empty;
        Oversight = oversight ?? DatedList<Oversight>.Empty;
    }

    public string PersonId { get; }

    /// <summary>The child's allocations in start order.</summary>
    public DatedList<Involvement> Involvements { get; }

    /// <summary>The child's oversight records in date order.</summary>
    public DatedList<Oversight> Oversight { get; }

    public IReadOnlyList<Spell> Spells => _spells;

    /// <summary>The spell open on <paramref name="date"/>, or null.</summary>
    public Spell? Containing(DateOnly date)
    {
        // Spells are few per child; a reverse scan stops at the first that started on or before the date.
        for (var i = _spells.Length - 1; i >= 0; i--)
        {
            if (_spells[i].Start > date) continue;
            return _spells[i].Covers(date) ? _spells[i] : null;
        }
        return null;
    }

    private static Spell[] Merge(IEnumerable<Spell> spells)
    {
        var sorted = spells.OrderBy(s => s.Start).ToList();
        var merged = new List<Spell>(sorted.Count);
        foreach (var s in sorted)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                if (last.End is null) continue;
                if (s.Start <= last.End.Value.AddDays(1))
                {
                    var end = s.End is null ? (DateOnly?)null : (s.End > last.End ? s.End : last.End);
                    merged[^1] = last with { End = end };
                    continue;
                }
            }
            merged.Add(s);
        }
        return [.. merged];
    }
}

/// <summary>A period of care: every episode with the same ClaId, from the first start to the last ceased date.</summary>
public sealed record PeriodOfCare(string ClaId, string PersonId, DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly date) => Start <= date && (End is null || End.Value >= date);
}

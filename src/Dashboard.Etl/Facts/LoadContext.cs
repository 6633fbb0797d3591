using Dashboard.Etl.Conform;

namespace Dashboard.Etl.Facts;

/// <summary>
/// The small maps a run holds while it streams the facts: dimension keys by business key, workers' spells,
/// and the few parent facts children look up (cla_id -> child, person -> s47 starts). Nothing else of a
/// table is kept once it is staged.
/// </summary>
public sealed class LoadContext
{
    public Dictionary<string, long> ChildKeys { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> TeamKeys { get; set; } = new(StringComparer.Ordinal);
    public WorkerSpells Workers { get; set; } = new();
    public Dictionary<string, long> AgencyKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>cla_id -> the child of that period of care (from the loaded episode with the smallest id).</summary>
    public Dictionary<string, (string EpisodeId, long ChildKey)> ClaChildren { get; } = new(StringComparer.Ordinal);

    /// <summary>person_id -> the loaded s47 enquiries' start dates and ids, to match strategy discussions.</summary>
    public Dictionary<string, List<(DateOnly Start, string S47Id)>> S47ByPerson { get; } = new(StringComparer.Ordinal);

    public void NoteClaEpisode(string claId, string episodeId, long childKey)
    {
        if (!ClaChildren.TryGetValue(claId, out var seen) || string.CompareOrdinal(episodeId, seen.EpisodeId) < 0)
        {
            ClaChildren[claId] = (episodeId, childKey);
        }
    }

    public void NoteS47(string personId, DateOnly start, string s47Id)
    {
        if (!S47ByPerson.TryGetValue(personId, out var list))
        {
            list = [];
            S47ByPerson[personId] = list;
        }
        list.Add((start, s47Id));
    }
}

namespace Dashboard.Reports.AnnexA;

/// <summary>Picks one event per id when a record has several (the first strategy discussion, the last visit).</summary>
internal static class EventPick
{
    public static Dictionary<string, LinkedEventRow> Earliest(IEnumerable<LinkedEventRow> events) => Pick(events, later: false);

    public static Dictionary<string, LinkedEventRow> Latest(IEnumerable<LinkedEventRow> events) => Pick(events, later: true);

    private static Dictionary<string, LinkedEventRow> Pick(IEnumerable<LinkedEventRow> events, bool later)
    {
        var picked = new Dictionary<string, LinkedEventRow>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!picked.TryGetValue(e.Id, out var held) || (later ? e.DateKey > held.DateKey : e.DateKey < held.DateKey)) picked[e.Id] = e;
        }

        return picked;
    }
}

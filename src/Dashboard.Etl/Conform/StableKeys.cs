namespace Dashboard.Etl.Conform;

/// <summary>
/// Surrogate keys that survive reloads: a business key already in the warehouse keeps its key; new
/// business keys get max+1, max+2... in ordinal business-key order. Key 0 is the unknown member and is
/// never assigned.
/// </summary>
public static class StableKeys
{
    public static Dictionary<string, long> Assign(
        IEnumerable<string> businessKeys, IReadOnlyDictionary<string, long> existing, long maxExisting)
    {
        var assigned = new Dictionary<string, long>(StringComparer.Ordinal);
        var fresh = new List<string>();
        foreach (var key in businessKeys)
        {
            if (assigned.ContainsKey(key)) continue;
            if (existing.TryGetValue(key, out var kept) && kept != 0) assigned[key] = kept;
            else
            {
                assigned[key] = 0;
                fresh.Add(key);
            }
        }
        fresh.Sort(StringComparer.Ordinal);
        var next = Math.Max(maxExisting, 0);
        foreach (var key in fresh) assigned[key] = ++next;
        return assigned;
    }
}

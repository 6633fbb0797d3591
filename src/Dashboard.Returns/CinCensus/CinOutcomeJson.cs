using System.Text;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// SSD's *_outcome_json columns hold Y/N flags by key. The census implies some of them (an episode with a section 47
/// had a strategy discussion; a conference followed by a plan on its day had a CP plan outcome) and says nothing of the
/// rest, so only the keys it implies are written: a key left out is unknown, never "N".
/// </summary>
internal static class CinOutcomeJson
{
    /// <summary>{"KEY":"Y",...} for the entries with a value, in the order given; null when none has one.</summary>
    public static string? Of(params (string Key, string? Flag)[] entries)
    {
        StringBuilder? json = null;
        foreach (var (key, flag) in entries)
        {
            if (flag is null) continue;
            json = json is null ? new StringBuilder("{") : json.Append(',');
            json.Append('"').Append(key).Append("\":\"").Append(flag).Append('"');
        }
        return json?.Append('}').ToString();
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dashboard.Cli.Benchmarks.Circuit;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the interactive server components' start
/// markers (<c>&lt;!--Blazor:{"type":"server",...,"descriptor":...}--&gt;</c>, in their sequence order) and the persisted
/// component state (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>), and the root-component operations it then sends
/// in <c>UpdateRootComponents</c>: one "add" per marker, numbered from 1 as the browser numbers them, with the marker as
/// found plus the unique id the browser gives each descriptor.
/// </summary>
internal static partial class ServerComponentMarkers
{
    public static (IReadOnlyList<JsonObject> Markers, string State) Read(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match m in Marker().Matches(html))
        {
            if (JsonNode.Parse(m.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server") markers.Add(marker);
        }
        markers.Sort((a, b) => ((int?)a["sequence"] ?? 0).CompareTo((int?)b["sequence"] ?? 0));
        return (markers, State().Match(html) is { Success: true } s ? s.Groups[1].Value : "");
    }

    /// <summary>The JSON of the first <c>UpdateRootComponents</c> call: batch 1, every marker added.</summary>
    public static string AddOperations(IReadOnlyList<JsonObject> markers)
    {
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = (JsonObject)markers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}

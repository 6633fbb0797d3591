using System.Text.Json.Nodes;
using Dashboard.Charts;

namespace Dashboard.Charts.Tests;

/// <summary>Reads a built spec back as JSON, so tests assert on what vega-embed will receive.</summary>
internal sealed class Spec
{
    public const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";

    public Spec(ChartSpec chart) => Root = JsonNode.Parse(chart.Json)!.AsObject();

    public JsonObject Root { get; }

    /// <summary>The layers, from the top level or from a facet's inner spec.</summary>
    public JsonArray Layers => (Root["layer"] ?? Root["spec"]!["layer"])!.AsArray();

    public IEnumerable<string> LayerNames => Layers.Select(l => (string?)l!["name"]).OfType<string>();

    public JsonObject Layer(string name) => Layers.Single(l => (string?)l!["name"] == name)!.AsObject();

    public List<JsonObject> Rows => Root["data"]!["values"]!.AsArray().Select(r => r!.AsObject()).ToList();

    /// <summary>A row's number, or null when the key is absent (it must never be a JSON null standing in for a number).</summary>
    public static decimal? Number(JsonObject row, string key) => row[key]?.GetValue<decimal>();

    /// <summary>Every value anywhere in the spec that is a JSON null under a numeric data key.</summary>
    public IEnumerable<string> NullNumbers(params string[] keys) =>
        Rows.SelectMany(r => keys.Where(k => r.ContainsKey(k) && r[k] is null).Select(k => $"{r["month"] ?? r["category"] ?? r["team"]}.{k}"));
}

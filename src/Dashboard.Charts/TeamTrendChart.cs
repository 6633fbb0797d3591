using System.Text.Json.Nodes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Charts;

/// <summary>
/// Teams' monthly values over the latest <see cref="MaxMonths"/> months. Up to <see cref="MaxLines"/> teams
/// share one chart, each with its own colour and point shape; more than that become small multiples, three to
/// a row, because a tangle of nine lines reads worse than nine small charts. Teams are in name order; a month
/// without a value (suppressed or missing) leaves a gap. A team with no value in any month is not drawn (an empty
/// panel says nothing); the description says how many and why ("4 teams hidden: small numbers").
/// </summary>
public static class TeamTrendChart
{
    public const int MaxMonths = 24;
    public const int MaxLines = 8;
    public const int Columns = 3;
    public const int DefaultHeight = 300;

    /// <summary>Colours of at least 3:1 on white, paired with shapes so no line depends on colour alone.</summary>
    private static readonly string[] Colours = ["#1D70B8", "#C25400", "#00703C", "#912B88", "#28A197", "#8A6500", "#801650", "#505A5F"];
    private static readonly string[] Shapes = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross", "triangle-right", "triangle-left"];

    /// <summary>Why a councillor's team has no value in any month.</summary>
    public const string SuppressedReason = "small numbers";

    /// <summary>Why a team with exact figures has no value in any month.</summary>
    public const string NoValueReason = "no value in these months";

    /// <param name="emptyReason">Why a team with no value in any month has none, for the description: <see cref="SuppressedReason"/>
    /// for a councillor, <see cref="NoValueReason"/> otherwise.</param>
    public static ChartSpec Build(string title, IReadOnlyList<(string Team, Month Month, decimal? Value)> series, IndicatorUnit unit,
        decimal? target, ChartOptions? options = null, string emptyReason = NoValueReason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(series);
        options ??= ChartOptions.Default;
        var months = Window(series);
        var values = series.Where(s => s.Value is not null && months.Contains(s.Month)).GroupBy(s => (s.Team, s.Month)).ToDictionary(g => g.Key, g => g.Last().Value);
        decimal? At(string team, Month month) => values.GetValueOrDefault((team, month));
        var all = series.Select(s => s.Team).Distinct().Order(StringComparer.Ordinal).ToList();
        var teams = all.Where(t => months.Any(m => At(t, m) is not null)).ToList();
        var hidden = all.Count - teams.Count;

        var description = Describe(title, teams, months, At, unit, target, options)
            + (hidden == 0 ? "" : $" {VegaLite.Count(hidden, "team", "teams")} hidden: {emptyReason}.");
        var table = new DataTable($"{title}: monthly values by team", ["Month", .. teams],
            months.Select(m => (IReadOnlyList<string>)[VegaLite.Long(m), .. teams.Select(t => options.Text(unit, At(t, m)))]).ToList());

        var data = new JsonArray();
        foreach (var team in teams)
        {
            foreach (var month in months)
            {
                var row = new JsonObject { ["team"] = team, ["month"] = month.ToString(), ["valueText"] = options.Text(unit, At(team, month)) };
                row.Put("value", At(team, month));
                if (target is { } t && month == months[0]) row["target"] = t;
                data.Add(row);
            }
        }
        var (lo, hi) = VegaLite.Domain(values.Values.OfType<decimal>().Concat(new[] { target }.OfType<decimal>()), unit);
        var y = new JsonObject
        {
            ["field"] = "value", ["type"] = "quantitative", ["title"] = options.AxisTitle(unit), ["scale"] = VegaLite.Scale(lo, hi),
            ["axis"] = new JsonObject { ["tickCount"] = teams.Count > MaxLines ? 3 : 6 },
        };
        var tooltip = new JsonArray(VegaLite.TextTooltip("team", "Team"), VegaLite.MonthTooltip(), VegaLite.TextTooltip("valueText", "Value"));
        var line = VegaLite.Mark("line", VegaLite.Ink, strokeWidth: 1.75);
        line["invalid"] = "break-paths-filter-domains";
        var layers = new JsonArray();
        JsonObject spec;
        if (teams.Count <= MaxLines)
        {
            var colour = Legend(teams, Colours);
            layers.Add(new JsonObject { ["name"] = "lines", ["mark"] = line, ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(), ["y"] = y, ["color"] = colour } });
            layers.Add(new JsonObject
            {
                ["name"] = "points",
                ["mark"] = new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 40, ["opacity"] = 1 },
                ["encoding"] = new JsonObject
                {
                    ["x"] = VegaLite.MonthX(), ["y"] = y.DeepClone(), ["color"] = colour.DeepClone(), ["shape"] = Legend(teams, Shapes), ["tooltip"] = tooltip,
                },
            });
            if (target is { } t) foreach (var l in VegaLite.ReferenceLine("target", t, $"Target {options.Text(unit, t)}", VegaLite.Text, new JsonArray(6, 4))) layers.Add(l);
            spec = VegaLite.Spec(description, VegaLite.Width(options), options.Height ?? DefaultHeight, VegaLite.Data(data));
            spec["layer"] = layers;
        }
        else
        {
            layers.Add(new JsonObject { ["name"] = "lines", ["mark"] = line, ["encoding"] = new JsonObject { ["x"] = VegaLite.MonthX(), ["y"] = y, ["tooltip"] = tooltip } });
            if (target is not null)
            {
                layers.Add(new JsonObject
                {
                    ["name"] = "target",
                    ["mark"] = VegaLite.Mark("rule", VegaLite.Text, new JsonArray(6, 4)),
                    ["encoding"] = new JsonObject
                    {
                        ["y"] = new JsonObject { ["field"] = "target", ["type"] = "quantitative" },
                        ["tooltip"] = new JsonArray(new JsonObject { ["field"] = "target", ["type"] = "quantitative", ["title"] = "Target" }),
                    },
                });
            }
            spec = VegaLite.Spec(description, 200, 110, VegaLite.Data(data));
            spec.Remove("width");
            spec.Remove("height");
            spec["autosize"] = new JsonObject { ["type"] = "pad" };
            spec["facet"] = new JsonObject { ["field"] = "team", ["type"] = "nominal", ["title"] = null, ["sort"] = new JsonArray(teams.Select(t => (JsonNode?)t).ToArray()) };
            spec["columns"] = Columns;
            spec["spec"] = new JsonObject { ["width"] = options.Width ?? 200, ["height"] = options.Height ?? 110, ["layer"] = layers };
        }
        return new ChartSpec("teams-" + VegaLite.Slug(title), title, VegaLite.Write(spec), description, table);
    }

    /// <summary>Every month of the latest <see cref="MaxMonths"/> up to the last month in the series.</summary>
    private static List<Month> Window(IReadOnlyList<(string Team, Month Month, decimal? Value)> series)
    {
        if (series.Count == 0) return [];
        var last = series.Max(s => s.Month);
        var first = series.Min(s => s.Month);
        var earliest = last.AddMonths(1 - MaxMonths);
        return Month.Range(first > earliest ? first : earliest, last).ToList();
    }

    private static JsonObject Legend(List<string> teams, string[] range) => new()
    {
        ["field"] = "team", ["type"] = "nominal", ["title"] = "Team",
        ["scale"] = new JsonObject
        {
            ["domain"] = new JsonArray(teams.Select(t => (JsonNode?)t).ToArray()),
            ["range"] = new JsonArray(range.Take(teams.Count).Select(r => (JsonNode?)r).ToArray()),
        },
    };

    private static string Describe(string title, List<string> teams, List<Month> months, Func<string, Month, decimal?> at, IndicatorUnit unit,
        decimal? target, ChartOptions options)
    {
        if (months.Count == 0) return $"{title}: no team has a value.";
        var span = $"{title} for {VegaLite.Count(teams.Count, "team", "teams")}, monthly from {VegaLite.Long(months[0])} to {VegaLite.Long(months[^1])}.";
        var last = months[^1];
        var latest = teams.Where(t => at(t, last) is not null).Select(t => (Team: t, Value: at(t, last)!.Value))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Team, StringComparer.Ordinal).ToList();
        var detail = latest.Count switch
        {
            0 => $"No team has a value in {VegaLite.Long(last)}",
            1 => $"In {VegaLite.Long(last)} only {latest[0].Team} has a value, {options.Text(unit, latest[0].Value)}",
            _ => $"In {VegaLite.Long(last)} the highest is {latest[0].Team} at {options.Text(unit, latest[0].Value)} and the lowest "
                 + $"{latest[^1].Team} at {options.Text(unit, latest[^1].Value)}",
        };
        if (target is { } t && latest.Count > 0)
        {
            detail += $"; {latest.Count(x => x.Value >= t)} of the {VegaLite.Count(latest.Count, "team", "teams")} with a value are at or above the target of {options.Text(unit, t)}";
        }
        var hidden = teams.Sum(team => months.Count(m => at(team, m) is null));
        var gaps = hidden == 0 ? "" : $" {VegaLite.Count(hidden, "team-month has", "team-months have")} no value, shown as {options.Text(unit, null)}.";
        return $"{span} {detail}.{gaps}";
    }
}

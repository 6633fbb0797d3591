using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Settings;

/// <summary>
/// Reads and writes settings files: JSON with // comments. A council's file holds only what it changes;
/// everything else keeps the value of the basis (the defaults, unless a caller layers files). An unknown
/// key, a value of the wrong type or a bad value is refused with one sentence naming the setting.
/// </summary>
public static class IndicatorSettingsFile
{
    /// <summary>Where the generated, documented defaults live, relative to the repository root.</summary>
    public const string DefaultsPath = "reports/settings/indicator-defaults.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] Known =
    [
        "councilName", "cpVisitWorkingDays", "cinVisitWorkingDays", "claVisitWeeks", "permanentPlacementVisitMonths",
        "permanentPlacementTypes", "oversightWorkingDays", "suppressionThreshold", "funnelMinimumWorkerDecisions", "minimumDenominator",
        "reportingStart", "defaultLength", "targets", ChangeDatesSetting.Name,
    ];

    /// <summary>Reads a settings file from a path given by the caller (the only file Core reads).</summary>
    public static IndicatorSettings Load(string path, IndicatorSettings? basis = null) =>
        Parse(File.ReadAllText(path), basis, Path.GetFileName(path));

    public static IndicatorSettings Load(Stream stream, IndicatorSettings? basis = null)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), basis);
    }

    /// <summary>Applies the settings in <paramref name="json"/> over <paramref name="basis"/> and validates the result.</summary>
    public static IndicatorSettings Parse(string json, IndicatorSettings? basis = null, string source = "the settings file")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidSettingsException($"The settings in {source} are not valid JSON ({e.Message}).", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidSettingsException($"The settings in {source} must be one JSON object of named settings.");
            }
            var settings = Apply(document.RootElement, basis ?? IndicatorSettings.Default);
            settings.Validate();
            return settings;
        }
    }

    private static IndicatorSettings Apply(JsonElement root, IndicatorSettings s)
    {
        foreach (var p in root.EnumerateObject())
        {
            s = p.Name switch
            {
                "councilName" => s with { CouncilName = Text(p) },
                "cpVisitWorkingDays" => s with { CpVisitWorkingDays = Whole(p) },
                "cinVisitWorkingDays" => s with { CinVisitWorkingDays = Whole(p) },
                "claVisitWeeks" => s with { ClaVisitWeeks = Whole(p) },
                "permanentPlacementVisitMonths" => s with { PermanentPlacementVisitMonths = Whole(p) },
                "permanentPlacementTypes" => s with { PermanentPlacementTypes = Codes(p) },
                "oversightWorkingDays" => s with { OversightWorkingDays = Whole(p) },
                "suppressionThreshold" => s with { SuppressionThreshold = Whole(p) },
                "funnelMinimumWorkerDecisions" => s with { FunnelMinimumWorkerDecisions = Whole(p) },
                "minimumDenominator" => s with { MinimumDenominator = Whole(p) },
                "reportingStart" => s with { ReportingStart = MonthOrNull(p) },
                "defaultLength" => s with { DefaultLength = Whole(p) },
                "targets" => Targets(p, s),
                ChangeDatesSetting.Name => s with { ChangeDates = ChangeDatesSetting.Parse(p) },
                _ => throw new InvalidSettingsException(
                    $"Setting '{p.Name}' is not a setting this version knows (known: {string.Join(", ", Known)}); check its spelling."),
            };
        }
        return s;
    }

    private static string Text(JsonProperty p) => p.Value.ValueKind == JsonValueKind.String
        ? p.Value.GetString()!
        : throw new InvalidSettingsException($"Setting '{p.Name}' must be text in quotes; it is {p.Value.GetRawText()}.");

    private static int Whole(JsonProperty p) => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v)
        ? v
        : throw new InvalidSettingsException($"Setting '{p.Name}' must be a whole number; it is {p.Value.GetRawText()}.");

    private static Month? MonthOrNull(JsonProperty p)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        var text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "";
        return text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1900 and <= 2100
            ? Month.Of(d)
            : throw new InvalidSettingsException(
                $"Setting '{p.Name}' must be a month in quotes, such as \"2019-04\" (or null: where the data becomes reliable); it is {p.Value.GetRawText()}.");
    }

    private static string[] Codes(JsonProperty p)
    {
        if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new InvalidSettingsException($"Setting '{p.Name}' must be a list of codes in quotes, such as [\"U1\", \"U4\"].");
        }
        return [.. p.Value.EnumerateArray().Select(e => e.GetString()!.Trim().ToUpperInvariant())];
    }

    private static IndicatorSettings Targets(JsonProperty p, IndicatorSettings s)
    {
        if (p.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSettingsException("Setting 'targets' must be an object of indicator ids and numbers, such as { \"SEEN-01\": 90 }.");
        }
        foreach (var t in p.Value.EnumerateObject())
        {
            decimal? value = t.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number when t.Value.TryGetDecimal(out var d) => d,
                _ => throw new InvalidSettingsException(
                    $"Setting 'targets.{t.Name}' must be a number (or null for no target); it is {t.Value.GetRawText()}."),
            };
            s = s.WithTarget(t.Name, value);
        }
        return s;
    }

    /// <summary>The settings as a documented file; with the defaults, this is reports/settings/indicator-defaults.json.</summary>
    public static string Render(IndicatorSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        b.Append("""
            // Indicator settings: the defaults every council starts from. GENERATED from
            // Dashboard.Core.Indicators.Settings.IndicatorSettings; do not edit (see docs/indicators.md).
            // A council copies only the settings it changes into its own file; every other setting keeps
            // this default. A bad value (negative days, an unknown indicator id, a percentage over 100) is
            // refused at start-up with a message naming the setting.
            // Working days exclude weekends and England and Wales bank holidays; the start day is day zero.
            {
              // The council's name, shown on every screen and pack.
            """).Append('\n');
        b.Append($"  \"councilName\": {JsonSerializer.Serialize(s.CouncilName)},\n");
        Line(b, "Child protection visits: each child on a plan is seen at least every N working days (SEEN-01).",
            "cpVisitWorkingDays", s.CpVisitWorkingDays);
        Line(b, "Child in need visits: each child on a plan is seen at least every N working days (SEEN-03).",
            "cinVisitWorkingDays", s.CinVisitWorkingDays);
        Line(b, "Regulation 28: after the first week of a placement, a looked-after child is seen at least every N weeks (SEEN-04).",
            "claVisitWeeks", s.ClaVisitWeeks);
        Line(b, "Regulation 28: after a permanent placement's first year, at least every N months (SEEN-04).",
            "permanentPlacementVisitMonths", s.PermanentPlacementVisitMonths);
        b.Append("  // The SSDA903 placement types treated as permanent for regulation 28 (U1, U4: long-term fostering).\n");
        b.Append($"  \"permanentPlacementTypes\": [{string.Join(", ", s.PermanentPlacementTypes.Select(c => JsonSerializer.Serialize(c)))}],\n");
        Line(b, "Management oversight: each open case has an oversight record at least every N working days (OVERSIGHT-01).",
            "oversightWorkingDays", s.OversightWorkingDays);
        Line(b, "Councillor and public outputs show counts from 1 to N as 'c' (DfE convention: 5; 0 turns suppression off).",
            "suppressionThreshold", s.SuppressionThreshold);
        Line(b, "OVERSIGHT-02 tests a worker's decision rates only when they made at least N decisions in 12 months.",
            "funnelMinimumWorkerDecisions", s.FunnelMinimumWorkerDecisions);
        Line(b, "A figure counting fewer than N cases is shown but rated 'too few to rate', never red, amber or green.",
            "minimumDenominator", s.MinimumDenominator);
        b.Append("  // The first month offered (\"yyyy-MM\"); null: from where the data becomes reliable (docs/dashboard.md).\n");
        b.Append($"  \"reportingStart\": {(s.ReportingStart is { } start ? $"\"{start}\"" : "null")},\n");
        Line(b, "How many months each figure covers unless a reader chooses: 1, or 3 or 12 for rolling figures (a small council).",
            "defaultLength", s.DefaultLength);
        ChangeDatesSetting.Render(b, s.ChangeDates);
        b.Append("  // Targets in each indicator's unit (percentages 0 to 100). Null removes a target.\n");
        b.Append("  // Context measures (neither higher nor lower is better) take no target.\n");
        b.Append("  \"targets\": {\n");
        var targets = IndicatorCatalogue.All.Where(i => s.Targets.ContainsKey(i.Definition.Id)).ToList();
        for (var i = 0; i < targets.Count; i++)
        {
            var d = targets[i].Definition;
            b.Append($"    // {d.Title} ({UnitWords(d)})\n");
            b.Append($"    \"{d.Id}\": {s.Targets[d.Id].ToString(CultureInfo.InvariantCulture)}{(i < targets.Count - 1 ? "," : "")}\n");
        }
        b.Append("  }\n}\n");
        return b.ToString();
    }

    private static void Line(StringBuilder b, string comment, string name, int value) =>
        b.Append($"  // {comment}\n  \"{name}\": {value.ToString(CultureInfo.InvariantCulture)},\n");

    private static string UnitWords(IndicatorDefinition d)
    {
        var unit = d.Unit switch
        {
            IndicatorUnit.Percent => "%",
            IndicatorUnit.Count => "count",
            _ => "average",
        };
        var better = d.Polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better";
        return $"{unit}, {better}";
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Settings;

/// <summary>
/// The <c>changeDates</c> setting: read from a settings file, checked, and written into the documented defaults.
/// <code>"changeDates": [{ "date": "2025-09-01", "what": "New locality teams", "indicators": ["SEEN-01"] }]</code>
/// </summary>
internal static class ChangeDatesSetting
{
    public const string Name = "changeDates";

    private const string Example = "[{ \"date\": \"2025-09-01\", \"what\": \"New locality teams\" }]";

    public static IReadOnlyList<ChangeDate> Parse(JsonProperty p)
    {
        if (p.Value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidSettingsException($"Setting '{Name}' must be a list of changes, such as {Example}; it is {p.Value.GetRawText()}.");
        }
        return [.. p.Value.EnumerateArray().Select(Change)];
    }

    private static ChangeDate Change(JsonElement e, int i)
    {
        var at = $"{Name}[{i.ToString(CultureInfo.InvariantCulture)}]";
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSettingsException($"Setting '{at}' must be a change with a date and what changed, such as {Example[1..^1]}; it is {e.GetRawText()}.");
        }
        DateOnly? date = null;
        string? what = null;
        IReadOnlyList<string> indicators = [];
        foreach (var f in e.EnumerateObject())
        {
            switch (f.Name)
            {
                case "date":
                    date = f.Value.ValueKind == JsonValueKind.String
                        && DateOnly.TryParseExact(f.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new InvalidSettingsException($"Setting '{at}.date' must be a date written yyyy-mm-dd, such as \"2025-09-01\"; it is {f.Value.GetRawText()}.");
                    break;
                case "what":
                    what = f.Value.ValueKind == JsonValueKind.String
                        ? f.Value.GetString()!.Trim()
                        : throw new InvalidSettingsException($"Setting '{at}.what' must be text in quotes saying what changed; it is {f.Value.GetRawText()}.");
                    break;
                case "indicators":
                    indicators = f.Value.ValueKind == JsonValueKind.Array && f.Value.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
                        ? [.. f.Value.EnumerateArray().Select(x => x.GetString()!.Trim().ToUpperInvariant())]
                        : throw new InvalidSettingsException($"Setting '{at}.indicators' must be a list of indicator ids in quotes, such as [\"SEEN-01\"] (leave it out for every indicator).");
                    break;
                default:
                    throw new InvalidSettingsException($"Setting '{at}' has '{f.Name}', which a change does not take (it takes date, what and indicators).");
            }
        }
        if (date is null) throw new InvalidSettingsException($"Setting '{at}' has no 'date': say when the change took effect, such as \"2025-09-01\".");
        return new ChangeDate(date.Value, what ?? "", indicators);
    }

    /// <summary>Each problem one sentence naming the setting.</summary>
    public static void Check(List<string> problems, IReadOnlyList<ChangeDate> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            var at = $"{Name}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (c.Date.Year is < 2000 or > 2100)
            {
                problems.Add($"Setting '{at}.date' must be from 2000-01-01 to 2100-12-31; it is {c.Date:yyyy-MM-dd}.");
            }
            if (string.IsNullOrWhiteSpace(c.What))
            {
                problems.Add($"Setting '{at}.what' must say in a few words what changed; the charts print it where the new limits start.");
            }
            else if (c.What.Length > 60)
            {
                problems.Add($"Setting '{at}.what' must be at most 60 characters, to fit on a chart; it has {c.What.Length}.");
            }
            foreach (var id in c.IndicatorIds.Where(id => IndicatorCatalogue.Find(id) is null))
            {
                problems.Add($"Setting '{at}.indicators' names '{id}', which is not an indicator in the catalogue.");
            }
        }
    }

    /// <summary>The documented setting for the generated defaults file.</summary>
    public static void Render(StringBuilder b, IReadOnlyList<ChangeDate> changes)
    {
        b.Append("  // Dates the service changed how it works (a new structure, a new front door). The SPC charts start new\n");
        b.Append("  // limits with the month of each date, so months after a change are not judged against months before it.\n");
        b.Append("  // Each change: \"date\" (yyyy-mm-dd), \"what\" (a few words, printed on the chart) and, optionally,\n");
        b.Append("  // \"indicators\" (the ids it affects; leave it out for every indicator). For example:\n");
        b.Append("  // [{ \"date\": \"2025-09-01\", \"what\": \"New locality teams\", \"indicators\": [\"SEEN-01\", \"SEEN-03\"] }]\n");
        var items = changes.Select(c =>
        {
            var ids = c.IndicatorIds.Count == 0 ? "" : $", \"indicators\": [{string.Join(", ", c.IndicatorIds.Select(id => JsonSerializer.Serialize(id)))}]";
            return $"{{ \"date\": \"{c.Date:yyyy-MM-dd}\", \"what\": {JsonSerializer.Serialize(c.What)}{ids} }}";
        });
        b.Append($"  \"{Name}\": [{string.Join(", ", items)}],\n");
    }
}

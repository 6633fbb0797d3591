using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.Indicators;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// One row of <c>dashboard indicators</c>, the stable JSON/CSV interface: field names never change meaning.
/// <c>value</c> is null when the denominator is 0 or the indicator is not available (<c>notAvailable</c> says why);
/// <c>rag</c> is green, amber, red, "too few to rate" (fewer cases than the council's minimum denominator) or null (no
/// target, no value, a context measure, or the month still running at the extract); <c>verdict</c> is the SPC reading of
/// the council series up to the row's month (council rows of complete months only), in plain words ("getting better", "no
/// real change", "too few months to judge yet"), from the latest phase of the limits; <c>assurance</c> is where that
/// phase's limits sit against the target ("consistently meets the target", "consistently below the target", "may or may
/// not meet the target", "no target set").
/// </summary>
internal sealed record IndicatorRow(
    string Indicator, string Title, string Period, string Scope, string ScopeId, string ScopeName, int Numerator, int Denominator,
    decimal? Value, string Unit, string? NotAvailable, decimal? Target, decimal? England, string? EnglandPeriod, string? Rag,
    string? Verdict, string? Assurance);

/// <summary>Builds the rows (RAG, verdict) and writes them as a table, CSV or JSON.</summary>
internal static class IndicatorsOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="running">The month still running at the extract: its rows are shown but never rated or given a verdict.</param>
    public static IReadOnlyList<IndicatorRow> Build(IReadOnlyList<StoredIndicator> rows, IReadOnlyList<StoredIndicator> councilSeries, IndicatorSettings settings,
        Month? running = null)
    {
        var runningPeriod = running?.ToString();
        var byIndicator = councilSeries.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Period, StringComparer.Ordinal).ToList());
        var spc = new Dictionary<(string, string), SpcResult>();
        var order = IndicatorCatalogue.All.Select((i, n) => (i.Definition.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var result = new List<IndicatorRow>(rows.Count);
        foreach (var r in rows.OrderBy(r => order.GetValueOrDefault(r.IndicatorId, int.MaxValue)).ThenBy(r => r.Period, StringComparer.Ordinal))
        {
            var definition = IndicatorCatalogue.Find(r.IndicatorId)?.Definition;
            if (definition is null) continue;   // a figure from an indicator since retired from the catalogue
            var target = settings.TargetFor(r.IndicatorId);
            SpcResult? reading = null;
            var isRunning = r.Period == runningPeriod;
            if (!isRunning && r.ScopeLevel == "council" && r.NotAvailable is null && byIndicator.TryGetValue(r.IndicatorId, out var series))
            {
                if (!spc.TryGetValue((r.IndicatorId, r.Period), out reading))
                {
                    var points = series.Where(p => string.CompareOrdinal(p.Period, r.Period) <= 0 && p.Value is not null && p.Period != runningPeriod)
                        .Select(p => new SpcInput(Month.Parse(p.Period), p.Value, p.Numerator, p.Denominator)).ToList();
                    reading = Spc.Analyse(points, definition.Polarity, definition.Unit, target, SpcOptions.For(settings, definition.Id));
                    spc[(r.IndicatorId, r.Period)] = reading;
                }
            }
            result.Add(new IndicatorRow(r.IndicatorId, definition.Title, r.Period, r.ScopeLevel.Replace('_', '-'), r.ScopeId, r.ScopeName,
                r.Numerator, r.Denominator, r.Value, definition.Unit.ToString().ToLowerInvariant(), r.NotAvailable, target,
                definition.England?.Value, definition.England?.Period, isRunning ? null : RagRating.Word(RagRating.Of(r.Value, target, definition.Polarity, r.Denominator, settings.MinimumDenominator)),
                reading?.VariationWords, reading?.AssuranceWords));
        }
        return result;
    }

    public static void Write(CliEnvironment env, IReadOnlyList<IndicatorRow> rows, string format, string caption)
    {
        var writer = env.Out.Profile.Out.Writer;
        switch (format)
        {
            case "json":
                writer.WriteLine(JsonSerializer.Serialize(rows, Json));
                break;
            case "csv":
                writer.Write(Csv.Render(
                    ["indicator", "title", "period", "scope", "scopeId", "scopeName", "numerator", "denominator", "value", "unit", "notAvailable",
                     "target", "england", "englandPeriod", "rag", "verdict", "assurance"],
                    rows.Select(r => new string?[]
                    {
                        r.Indicator, r.Title, r.Period, r.Scope, r.ScopeId, r.ScopeName, Csv.Number(r.Numerator), Csv.Number(r.Denominator), Csv.Number(r.Value),
                        r.Unit, r.NotAvailable, Csv.Number(r.Target), Csv.Number(r.England), r.EnglandPeriod, r.Rag, r.Verdict, r.Assurance,
                    })));
                break;
            default:
                WriteTable(env.Out, rows, caption);
                break;
        }
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<IndicatorRow> rows, string caption)
    {
        if (rows.Count == 0)
        {
            console.MarkupLine($"No figures match ({Markup.Escape(caption)}).");
            return;
        }
        var multiMonth = rows.Select(r => r.Period).Distinct().Skip(1).Any();
        var multiScope = rows.Any(r => r.Scope != "council");
        var table = new Table().Title($"Indicators: {Markup.Escape(caption)}").AddColumn("Indicator").AddColumn("Title");
        if (multiMonth) table.AddColumn("Month");
        if (multiScope) table.AddColumn("Scope");
        table.AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("Num / den").RightAligned())
            .AddColumn(new TableColumn("Target").RightAligned()).AddColumn("England").AddColumn("RAG").AddColumn("SPC (council)");
        foreach (var r in rows)
        {
            var unit = Enum.Parse<IndicatorUnit>(r.Unit, ignoreCase: true);
            var cells = new List<string> { Markup.Escape(r.Indicator), Markup.Escape(r.Title) };
            if (multiMonth) cells.Add(r.Period);
            if (multiScope) cells.Add(Markup.Escape(r.ScopeName));
            cells.Add(r.NotAvailable is not null ? Markup.Escape(r.NotAvailable) : r.Value is null ? "-" : IndicatorValue.Format(unit, r.Value));
            cells.Add($"{r.Numerator:N0} / {r.Denominator:N0}");
            cells.Add(r.Target is null ? "" : IndicatorValue.Format(unit, r.Target));
            cells.Add(r.England is null ? "" : Markup.Escape($"{IndicatorValue.Format(unit, r.England)} ({r.EnglandPeriod})"));
            cells.Add(r.Rag switch { "green" => "[green]green[/]", "amber" => "[yellow]amber[/]", "red" => "[red]red[/]", null => "", _ => $"[grey]{Markup.Escape(r.Rag)}[/]" });
            cells.Add(Markup.Escape(r.Verdict is null ? "" : r.Assurance is null || r.Assurance == SpcWords.Assurance(Assurance.NoTarget, Polarity.Neither)
                || r.Verdict == SpcWords.TooFewMonths ? r.Verdict : $"{r.Verdict}; {r.Assurance}"));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }
}

/// <summary>RFC 4180 CSV with text cells that a spreadsheet would run as a formula neutralised.</summary>
internal static class Csv
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', header).Append('\n');
        foreach (var row in rows) b.AppendJoin(',', row.Select(Cell)).Append('\n');
        return b.ToString();
    }

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string? value)
    {
        if (value is null) return "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

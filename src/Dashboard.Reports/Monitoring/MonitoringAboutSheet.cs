using System.Globalization;
using Dashboard.Reports.Excel;

namespace Dashboard.Reports.Monitoring;

/// <summary>The monitoring workbook's front sheet: what the pack is, for which council and month, the letter it
/// answers, the marking, what each sheet holds, and what is missing (no findings, indicators not available).</summary>
internal static class MonitoringAboutSheet
{
    public const string NoFindings = "No findings have been recorded on the themes page, so the Findings and Teams sheets are empty.";

    public static FrontSheet Build(MonitoringPackModel model)
    {
        var figures = model.Figures;
        var letter = model.Letter;
        var findingRows = letter.Findings.Sum(f => Math.Max(1, f.Indicators.Count));
        var teamRows = letter.Findings.SelectMany(f => f.Indicators).DistinctBy(e => e.Definition.Id, StringComparer.Ordinal).Sum(e => e.Teams.Count);
        var paragraphs = new List<string>
        {
            model.Definition.Intro,
            $"Council: {model.CouncilName}",
            $"Period reported: {model.PeriodName}",
            $"Figures to: {Date(figures.AsAt)}{(figures.PartialMonth ? " (the month so far)" : "")}",
            $"Produced: {Date(model.Produced)}",
            letter.LetterDate is { } date
                ? Invariant($"Letter: {Date(date)}, the latest letter with findings recorded ({letter.Findings.Count} findings).")
                : NoFindings,
            $"Marking: {MonitoringPackModel.ProtectiveMarking}. Every sheet is marked; the Exceptions sheet names children and workers: handle and share it accordingly.",
            "Percentages are real percentages (82.5% is the number 0.825); a change in a percentage is in percentage points. Counts are whole numbers; averages have two decimals. Dates are dates.",
            "Team rows include \"Unknown team\": records whose team could not be traced. The threshold funnels test known teams only (as OVERSIGHT-02 does), so their teams may add up to less than the council.",
            "Figures are exact (not suppressed): this workbook is for inspectors and the council, not for publication.",
        };
        var rows = new List<(string, string)>
        {
            (MonitoringSheets.Findings, Invariant($"{findingRows:N0} rows. One row per finding of the letter and indicator linked to it: the figure in the month of the letter and now, the change, target, England, RAG and SPC verdict.")),
            (MonitoringSheets.Teams, Invariant($"{teamRows:N0} rows. Each team's figure now and in the month of the letter, for every indicator linked to a finding.")),
            (MonitoringSheets.Thresholds, Invariant($"{model.Thresholds.Sum(t => t.Teams.Count):N0} rows. Team decision rates over 12 months against the council's rate, with 95% and 99.8% funnel limits ({string.Join(", ", model.Thresholds.Select(t => t.Definition.Id))}).")),
            (MonitoringSheets.Partners, Invariant($"{model.Partners.Sum(p => p.Agencies.Count):N0} rows. Each partner agency's figure in the month and over 12 months ({string.Join(", ", model.Partners.Select(p => p.Definition.Id))}).")),
            (MonitoringSheets.Exceptions, Invariant($"{model.Exceptions.Sum(e => e.Total):N0} rows. Every exception row of the lists summarised ({string.Join(", ", model.Exceptions.Select(e => $"{e.Definition.Id}: {e.Total:N0}"))}), most overdue first. Child-level data.")),
            (MonitoringSheets.DataQuality, "The load the figures come from, each source table's rows read, loaded and quarantined, rows quarantined by rule, and indicators not available."),
            (MonitoringSheets.Definitions, Invariant($"{MonitoringSheets.IndicatorsUsed(model).Count:N0} rows. What each indicator in the workbook counts, its target and the England figure.")),
            (MonitoringSheets.WordsUsed, Invariant($"{Core.Glossary.Glossary.All.Count:N0} rows. The statistical words (control limits, funnel plot, ...) and the service's abbreviations (ICPC, s47, CIN, PN7, ...) in plain English.")),
        };
        if (letter.LetterDate is null) rows.Add(("Missing: findings", NoFindings));
        foreach (var (definition, reason) in model.DataQuality.NotAvailable)
            rows.Add(($"Not available: {definition.Id}", $"{definition.Title}: {reason}"));

        return new FrontSheet(MonitoringSheets.About, model.DocumentTitle, paragraphs, ("Sheet", "What it holds"), rows)
        {
            Marking = MonitoringPackModel.ProtectiveMarking,
        };
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

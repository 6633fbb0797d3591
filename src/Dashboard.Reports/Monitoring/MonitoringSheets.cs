using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Reports.Excel;

namespace Dashboard.Reports.Monitoring;

/// <summary>
/// The monitoring workbook's table sheets after the front sheet, in order: each a <see cref="SheetDefinition"/> marked
/// OFFICIAL-SENSITIVE and its rows, built lazily so the exception lists stream to the sheet. Sheet names, headers and
/// column positions are fixed here; the tests read them back by name.
/// </summary>
internal static class MonitoringSheets
{
    public const string About = "About";
    public const string Findings = "Findings";
    public const string Teams = "Teams";
    public const string Thresholds = "Thresholds";
    public const string Partners = "Partners";
    public const string Exceptions = "Exceptions";
    public const string DataQuality = "Data quality";
    public const string Definitions = "Definitions";
    public const string WordsUsed = "Words used";

    /// <summary>Every sheet's name, the front sheet first: the order of the tabs.</summary>
    public static readonly IReadOnlyList<string> Names = [About, Findings, Teams, Thresholds, Partners, Exceptions, DataQuality, Definitions, WordsUsed];

    public static IEnumerable<(SheetDefinition Sheet, IEnumerable<IReadOnlyList<object?>> Rows)> All(MonitoringPackModel model)
    {
        yield return (Sheet(Findings, FindingColumns, 16) with { Images = Images(model.Letter.Findings.SelectMany(f => f.Indicators).Select(e => e.Chart)) },
            FindingRows(model));
        yield return (Sheet(Teams, TeamColumns, 6), TeamRows(model));
        yield return (Sheet(Thresholds, ThresholdColumns) with { Images = Images(model.Thresholds.Select(t => t.Chart)) }, ThresholdRows(model));
        yield return (Sheet(Partners, PartnerColumns, 9) with { Images = Images(model.Partners.Select(p => p.Chart)) }, PartnerRows(model));
        yield return (Sheet(Exceptions, ExceptionColumns), ExceptionRows(model));
        yield return (Sheet(DataQuality, DataQualityColumns), DataQualityRows(model));
        yield return (Sheet(Definitions, DefinitionColumns), DefinitionRows(model));
        yield return (Sheet(WordsUsed, WordColumns), WordRows());
    }

    /// <summary>The PDF's charts for a sheet, as PNG images beside its table (each chart once, in the PDF's order).</summary>
    private static List<SheetImage> Images(IEnumerable<Charts.ChartSpec?> charts) =>
    [
        .. charts.OfType<Charts.ChartSpec>().DistinctBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new SheetImage(c.Title, c.Description, c.Png(), c.Drawing.Width, c.Drawing.Height)),
    ];

    private static readonly SheetColumn[] WordColumns = [new("Word or abbreviation"), new("In full"), new("What it means")];

    /// <summary>The glossary the dashboard and the PDF packs carry, in alphabetical order.</summary>
    private static IEnumerable<IReadOnlyList<object?>> WordRows() =>
        Core.Glossary.Glossary.All.Select(e => (IReadOnlyList<object?>)[e.Term, e.Expansion, e.Meaning]);

    /// <summary>The indicators the pack uses (findings, thresholds, partners, exception lists, then any not available), each once.</summary>
    public static IReadOnlyList<IndicatorDefinition> IndicatorsUsed(MonitoringPackModel model) =>
    [
        .. model.Letter.Findings.SelectMany(f => f.Indicators).Select(e => e.Definition)
            .Concat(model.Thresholds.Select(t => t.Definition))
            .Concat(model.Partners.Select(p => p.Definition))
            .Concat(model.Exceptions.Select(e => e.Definition))
            .Concat(model.DataQuality.NotAvailable.Select(n => n.Definition))
            .DistinctBy(d => d.Id, StringComparer.Ordinal),
    ];

    private static SheetDefinition Sheet(string name, SheetColumn[] columns, int? ragColumn = null) => new(name, columns)
    {
        Marking = MonitoringPackModel.ProtectiveMarking,
        RagRules = ragColumn is { } c ? [RagRule.ByText(c)] : [],
    };

    // Headers say "value" for a column that mixes units: each cell is written in its indicator's unit (see Value).
    private static readonly SheetColumn[] FindingColumns =
    [
        new("Letter date", ColumnKind.Date), new("Theme"), new("Finding"), new("Indicator"), new("Indicator title"),
        new("Value at letter", ColumnKind.Number), new("Numerator at letter", ColumnKind.Whole), new("Denominator at letter", ColumnKind.Whole),
        new("Value now", ColumnKind.Number), new("Numerator now", ColumnKind.Whole), new("Denominator now", ColumnKind.Whole),
        new("Change (percentage points for a percentage)", ColumnKind.Number), new("Change in words"), new("Better or worse"),
        new("Target", ColumnKind.Number), new("England", ColumnKind.Number), new("RAG"), new("SPC verdict"), new("Why no figure now"),
    ];

    private static IEnumerable<IReadOnlyList<object?>> FindingRows(MonitoringPackModel model)
    {
        foreach (var finding in model.Letter.Findings)
        {
            var f = finding.Finding;
            if (finding.Indicators.Count == 0)
            {
                yield return [f.LetterDate, f.Theme.Describe(), f.Title];
                continue;
            }
            foreach (var e in finding.Indicators)
            {
                var d = e.Definition;
                var trend = e.Trend;
                var now = trend.Current;
                yield return
                [
                    f.LetterDate, f.Theme.Describe(), f.Title, d.Id, d.Title,
                    Value(d.Unit, e.AtLetter.Value), e.AtLetter.Numerator, e.AtLetter.Denominator,
                    Value(d.Unit, now.Value), now.Numerator, now.Denominator,
                    e.Change, e.ChangeText, e.DirectionWords,
                    Value(d.Unit, trend.Target), Value(d.Unit, trend.England), RagRating.Word(trend.Rag),
                    trend.Spc.Points.Count == 0 ? null : trend.VariationWords, now.NotAvailable,
                ];
            }
        }
    }

    private static readonly SheetColumn[] TeamColumns =
    [
        new("Indicator"), new("Team"), new("Value now", ColumnKind.Number), new("Numerator now", ColumnKind.Whole),
        new("Denominator now", ColumnKind.Whole), new("Value at letter", ColumnKind.Number), new("RAG"),
    ];

    private static IEnumerable<IReadOnlyList<object?>> TeamRows(MonitoringPackModel model)
    {
        var indicators = model.Letter.Findings.SelectMany(f => f.Indicators).DistinctBy(e => e.Definition.Id, StringComparer.Ordinal);
        foreach (var e in indicators)
        {
            var unit = e.Definition.Unit;
            foreach (var t in e.Teams)
            {
                yield return [e.Definition.Id, t.TeamName, Value(unit, t.Now.Value), t.Now.Numerator, t.Now.Denominator, Value(unit, t.AtLetter.Value), RagRating.Word(t.Rag)];
            }
        }
    }

    // Funnel rates and limits come from Core as fractions (0.123): written as they are in a percent format.
    private static readonly SheetColumn[] ThresholdColumns =
    [
        new("Indicator"), new("From month"), new("To month"), new("Team"), new("Decisions (denominator)", ColumnKind.Whole),
        new("Numerator", ColumnKind.Whole), new("Team rate", ColumnKind.Percent), new("Council rate", ColumnKind.Percent),
        new("95% lower limit", ColumnKind.Percent), new("95% upper limit", ColumnKind.Percent),
        new("99.8% lower limit", ColumnKind.Percent), new("99.8% upper limit", ColumnKind.Percent), new("Position"),
    ];

    private static IEnumerable<IReadOnlyList<object?>> ThresholdRows(MonitoringPackModel model)
    {
        foreach (var threshold in model.Thresholds)
        {
            var from = PackText.MonthName(threshold.From);
            var to = PackText.MonthName(threshold.Trend.Month);
            foreach (var t in threshold.Teams)
            {
                var p = t.Point;
                yield return
                [
                    threshold.Definition.Id, from, to, t.TeamName, t.Denominator, t.Numerator, t.Rate, threshold.CouncilRate,
                    p?.Lower95, p?.Upper95, p?.Lower998, p?.Upper998, t.PositionWords,
                ];
            }
        }
    }

    private static readonly SheetColumn[] PartnerColumns =
    [
        new("Indicator"), new("Agency"), new("Numerator in the month", ColumnKind.Whole), new("Denominator in the month", ColumnKind.Whole),
        new("Value in the month", ColumnKind.Number), new("Numerator, 12 months", ColumnKind.Whole), new("Denominator, 12 months", ColumnKind.Whole),
        new("Value, 12 months", ColumnKind.Number), new("12 months from"), new("RAG (12 months)"),
    ];

    private static IEnumerable<IReadOnlyList<object?>> PartnerRows(MonitoringPackModel model)
    {
        foreach (var partner in model.Partners)
        {
            var unit = partner.Definition.Unit;
            var from = PackText.MonthName(partner.From);
            foreach (var a in partner.Agencies)
            {
                yield return
                [
                    partner.Definition.Id, a.AgencyName, a.Month.Numerator, a.Month.Denominator, Value(unit, a.Month.Value),
                    a.TwelveMonths.Numerator, a.TwelveMonths.Denominator, Value(unit, a.TwelveMonths.Value), from, RagRating.Word(a.Rag),
                ];
            }
        }
    }

    private static readonly SheetColumn[] ExceptionColumns =
    [
        new("Indicator"), new("Person id"), new("Team"), new("Worker id"), new("Worker name"), new("What was due or what happened"),
        new("Due date", ColumnKind.Date), new("Overdue", ColumnKind.Whole), new("Overdue unit"), new("Rule date", ColumnKind.Date), new("Event id"),
    ];

    /// <summary>Every row of every list (not only the longest overdue the PDF prints), streamed.</summary>
    private static IEnumerable<IReadOnlyList<object?>> ExceptionRows(MonitoringPackModel model) =>
        model.Exceptions.SelectMany(e => e.Rows).Select(r => (IReadOnlyList<object?>)
        [
            r.IndicatorId, r.PersonId, r.TeamName ?? r.TeamId, r.WorkerId, r.WorkerName, r.WhatDue, r.DueDate, r.DaysOverdue, r.OverdueUnit,
            r.RuleDate, r.EventId,
        ]);

    // One long table: a part column says which block a row belongs to, so the sheet still has one header, filter and freeze.
    private static readonly SheetColumn[] DataQualityColumns =
    [
        new("Part"), new("Item"), new("Detail"), new("Date", ColumnKind.Date), new("Rows read", ColumnKind.Whole),
        new("Rows loaded", ColumnKind.Whole), new("Rows quarantined", ColumnKind.Whole),
    ];

    /// <summary>The load and its tables. The source's provider is named, never its description (which may hold a file path).</summary>
    private static IEnumerable<IReadOnlyList<object?>> DataQualityRows(MonitoringPackModel model)
    {
        var quality = model.DataQuality;
        var load = quality.Load;
        yield return ["Load", "Load id", load.LoadId.ToString(CultureInfo.InvariantCulture)];
        yield return ["Load", "Finished at", load.FinishedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            load.FinishedAt is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : null];
        yield return ["Load", "Extract date", "The date the figures are as at", load.AsOfDate];
        yield return ["Load", "Source provider", PackText.Provider(load.SourceProvider)];
        yield return ["Load", "All source tables", null, null, quality.RowsRead, quality.Tables.Sum(t => t.RowsLoaded), quality.RowsQuarantined];
        foreach (var t in quality.Tables)
            yield return ["Source table", t.SourceTable, t.Warning, null, t.RowsRead, t.RowsLoaded, t.RowsQuarantined];
        foreach (var q in quality.Quarantined)
            yield return ["Quarantined by rule", q.SourceTable, q.Rule, null, null, null, q.Rows];
        foreach (var (definition, reason) in quality.NotAvailable)
            yield return ["Indicator not available", definition.Id, $"{definition.Title}: {reason}"];
    }

    private static readonly SheetColumn[] DefinitionColumns =
    [
        new("Indicator"), new("Title"), new("Theme"), new("Definition"), new("Numerator"), new("Denominator"), new("Unit"),
        new("Which way is better"), new("Period"), new("Local standard"), new("Target", ColumnKind.Number), new("England"),
        new("What an exception row means"),
    ];

    private static IEnumerable<IReadOnlyList<object?>> DefinitionRows(MonitoringPackModel model)
    {
        foreach (var d in IndicatorsUsed(model))
        {
            yield return
            [
                d.Id, d.Title, d.Theme.Describe(), d.Definition, d.Numerator, d.Denominator, UnitWords(d.Unit), PolarityWords(d.Polarity),
                PeriodWords(d.Period), d.LocalStandard, Value(d.Unit, model.Figures.Find(d.Id)?.Target), d.England?.Describe(d.Unit), d.ExceptionRows,
            ];
        }
    }

    /// <summary>
    /// An indicator value as a cell in its unit. Percentages are stored 0 to 100 (82.5 meaning 82.5%); the cell holds
    /// the fraction (0.825) in a percent format, so Excel shows 82.5% and the number still calculates as a rate.
    /// Counts are whole numbers and averages plain numbers. Null stays a blank cell.
    /// </summary>
    internal static TypedCell? Value(IndicatorUnit unit, decimal? value) => value is not { } v ? null : unit switch
    {
        IndicatorUnit.Percent => new TypedCell(v / 100m, ColumnKind.Percent),
        IndicatorUnit.Count => new TypedCell(v, ColumnKind.Whole),
        _ => new TypedCell(v, ColumnKind.Number),
    };

    private static string UnitWords(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "percentage",
        IndicatorUnit.Count => "count",
        _ => "average",
    };

    private static string PolarityWords(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher is better",
        Polarity.LowerIsBetter => "lower is better",
        _ => "neither (context measure)",
    };

    private static string PeriodWords(PeriodKind period) => period switch
    {
        PeriodKind.InMonth => "events in the month",
        PeriodKind.AsAt => "the position on the month's last day",
        PeriodKind.DueInMonth => "due dates in the month",
        _ => "the 12 months to the month's last day",
    };
}

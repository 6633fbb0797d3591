using System.Globalization;
using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;

namespace Dashboard.Web.Services.Themes;

/// <summary>
/// Turns an indicator's stored monthly figures into the evidence for a finding: the figure in the month of the letter
/// and now, the change and whether it is for the better, RAG, and the SPC verdict since the letter. Statistics on stored
/// results only; no indicator rule is computed here. With a suppression rule every figure is suppressed first, so nothing
/// derived from a hidden count (change, chart, limits) can reach a councillor.
/// </summary>
public static class EvidenceCalculator
{
    /// <summary>Chart height for the small trend beside a finding: enough to read, short enough for several per finding.</summary>
    public const int ChartHeight = 230;

    public static ShownFigure Figure(StoredIndicator? row, IndicatorUnit unit, SuppressionRule? rule)
    {
        // What is hidden is VisibleFigure's decision, the same as on the indicator pages and in the packs; only the
        // words differ here, since a finding's evidence is read as sentences ("no cases" rather than "z").
        var seen = VisibleFigure.Of(row, unit, rule);
        if (seen.IsMissing) return ShownFigure.None;
        if (!seen.IsAvailable) return new ShownFigure(null, "not available", null, null);
        return new ShownFigure(seen.Value, seen.ValueText == "z" ? "no cases" : seen.ValueText, seen.Numerator, seen.Denominator)
        {
            RatingDenominator = seen.RatingDenominator,
        };
    }

    /// <summary>The evidence for one indicator linked to a finding, from its council series up to <paramref name="period"/>.</summary>
    public static IndicatorEvidence Evidence(
        long findingId, Month letterMonth, Month period, IndicatorDefinition definition, IReadOnlyList<StoredIndicator> series, decimal? target,
        SuppressionRule? rule, EvidenceRating? rating = null, IReadOnlyList<ChangeDate>? changes = null)
    {
        rating ??= EvidenceRating.Default;
        var unit = definition.Unit;
        var byMonth = series.ToDictionary(r => Month.Parse(r.Period));
        if (letterMonth > period)
        {
            return new IndicatorEvidence(definition, ShownFigure.None, Figure(byMonth.GetValueOrDefault(period), unit, rule), null, "–",
                ChangeDirection.Unknown, null, null, null,
                $"The letter is dated after {MonthName(period)}: choose a later month to see what has changed since.");
        }
        var atLetter = Figure(byMonth.GetValueOrDefault(letterMonth), unit, rule);
        var latest = Figure(byMonth.GetValueOrDefault(period), unit, rule);
        var (change, changeText, direction) = FigureChange.Of(atLetter.Value, latest.Value, unit, definition.Polarity);
        var sinceLetter = byMonth.Where(p => p.Key >= letterMonth && p.Key <= period).Select(p => (p.Key, Figure(p.Value, unit, rule))).ToList();
        // The month so far is shown but never judged: SPC runs on complete months only.
        var rolling = rating.Rolls(definition);
        // Rolling figures share months, so they get no SPC: their chart is the rolling line with the target.
        var spc = Analyse(sinceLetter.Where(p => !(rating.RunningMonth && p.Key == period) && !rolling), definition, target, changes);
        var chart = rolling ? RollingLine(definition, sinceLetter, rating.Length, target, rule)
            : spc.Points.Count >= 2 ? SpcChart.Build(definition.Title, spc, unit, definition.Polarity, target, definition.England?.Value, Options(rule),
                through: rating.RunningMonth ? period.Previous() : period)
            : null;
        chart = chart is null ? null : chart with { Id = $"finding-{findingId.ToString(CultureInfo.InvariantCulture)}-{definition.Id.ToLowerInvariant()}" };
        string? note = null;
        if (atLetter.Value is null)
        {
            note = byMonth.ContainsKey(letterMonth)
                ? $"The figure for {MonthName(letterMonth)} is {atLetter.Text}, so the change cannot be shown."
                : $"There is no figure for {MonthName(letterMonth)}, the month of the letter (the figures may start later).";
        }
        return new IndicatorEvidence(definition, atLetter, latest, change, changeText, direction,
            rating.Of(latest, target, definition.Polarity), spc.Points.Count == 0 ? null : spc, chart, note) { Rolling = rolling };
    }

    /// <summary>An indicator's figure in <paramref name="period"/> with RAG and the SPC verdict over the latest 24 months.</summary>
    public static IndicatorSnapshot Snapshot(Month period, IndicatorDefinition definition, IReadOnlyList<StoredIndicator> series, decimal? target,
        SuppressionRule? rule, EvidenceRating? rating = null, IReadOnlyList<ChangeDate>? changes = null)
    {
        rating ??= EvidenceRating.Default;
        var figures = series.Select(r => (Month.Parse(r.Period), Figure(r, definition.Unit, rule))).Where(p => p.Item1 <= period).ToList();
        var latest = figures.FirstOrDefault(p => p.Item1 == period).Item2 ?? ShownFigure.None;
        var rolling = rating.Rolls(definition);
        var spc = Analyse(figures.Where(p => !(rating.RunningMonth && p.Item1 == period) && !rolling), definition, target, changes);
        return new IndicatorSnapshot(definition, latest, rating.Of(latest, target, definition.Polarity), spc.Points.Count == 0 ? null : spc)
        {
            Rolling = rolling,
        };
    }

    /// <summary>The rolling figures since the letter as a line with the target (no limits); null with fewer than two to draw.</summary>
    private static ChartSpec? RollingLine(IndicatorDefinition definition, IReadOnlyList<(Month Month, ShownFigure Figure)> figures,
        Core.Indicators.Rolling.FigureLength length, decimal? target, SuppressionRule? rule)
    {
        var points = figures.Select(f => (f.Month, f.Figure.Value)).ToList();
        return points.Count(p => p.Value is not null) < 2 ? null
            : RollingLineChart.Build($"{definition.Title}: rolling {length.Months}-month figures since the letter", length.Months, points, definition.Unit,
                target, Options(rule));
    }

    /// <summary>"March 2026".</summary>
    public static string MonthName(Month month) => month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>SPC on the figures the viewer may see: hidden and missing months are left off, as Spc does with no value.</summary>
    private static SpcResult Analyse(IEnumerable<(Month Month, ShownFigure Figure)> figures, IndicatorDefinition definition, decimal? target,
        IReadOnlyList<ChangeDate>? changes)
    {
        var inputs = figures.Where(f => f.Figure.Value is not null)
            .Select(f => new SpcInput(f.Month, f.Figure.Value, f.Figure.Numerator, f.Figure.Denominator)).ToList();
        return Spc.Analyse(inputs, definition.Polarity, definition.Unit, target, new SpcOptions { WindowMonths = SpcOptions.DefaultWindowMonths, Changes = changes ?? [] });
    }

    /// <summary>Chart width for a finding's trend: two fit side by side in the findings grid without shrinking the text.</summary>
    public const int ChartWidth = 460;

    private static ChartOptions Options(SuppressionRule? rule) => new()
    {
        Width = ChartWidth,
        Height = ChartHeight,
        Missing = rule is null ? "no figure" : "c",
    };
}

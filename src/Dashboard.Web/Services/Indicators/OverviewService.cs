using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Charts;

namespace Dashboard.Web.Services.Indicators;

/// <summary>One indicator's tile: its figure for the month, against target and England, with its SPC verdict and trend.</summary>
public sealed record OverviewTile(
    IndicatorDefinition Definition, VisibleFigure Figure, decimal? Target, Rag? Rag, Verdict Verdict, ChartSpec? Sparkline)
{
    public string? RagWord => RagRating.Word(Rag);

    /// <summary>How many months the figure covers (the words of its counts say so for rolling figures).</summary>
    public Core.Indicators.Rolling.FigureLength Length { get; init; }

    /// <summary>The figure for the month before, for the summary's biggest movers.</summary>
    public VisibleFigure Previous { get; init; } = VisibleFigure.Missing;
    /// <summary>The rating as a style token (green, amber, red, too-few).</summary>
    public string? RagKey => RagRating.Key(Rag);
}

/// <summary>The tiles of one Ofsted theme, in catalogue order.</summary>
public sealed record OverviewTheme(Theme Theme, IReadOnlyList<OverviewTile> Tiles);

/// <summary>Everything the overview page shows; <see cref="Period"/> is null when no figures have been loaded yet.</summary>
public sealed record OverviewModel(PeriodChoice? Period, ScopeContext Scope, IReadOnlyList<OverviewTheme> Themes, bool Suppressed, string? MonthNote = null)
{
    /// <summary>Red, amber and green counts, movers and concerns over the tiles shown; null with no figures.</summary>
    public OverviewSummaryModel? Summary { get; init; }

    /// <summary>Tiles left out of a team's or area's view because nothing of that kind was counted there this month.</summary>
    public int NotApplicable { get; init; }

    /// <summary>True when the reader asked to see every tile, those that do not apply included (?show=all).</summary>
    public bool ShowingAll { get; init; }

    /// <summary>Where the England figures come from, cited once under the tiles rather than in every tile.</summary>
    public IReadOnlyList<string> EnglandSources { get; init; } = [];
}

/// <summary>
/// The overview: every indicator's headline for one scope and month. One indexed read of two years of the scope's
/// rows (about 700 for 29 indicators), then suppression for a councillor and SPC on what they may see. Sparklines are
/// drawn once per load, scope, period and suppression (<see cref="ChartCache"/>).
/// </summary>
public sealed class OverviewService(IndicatorFigures figures, IndicatorScopes scopes, CachedScopeSeries queries, ChartCache charts)
{
    public async Task<OverviewModel> GetAsync(Viewer viewer, string? period, string? area, string? team, CancellationToken cancellationToken = default) =>
        await GetAsync(viewer, period, area, team, showAll: false, cancellationToken);

    /// <param name="showAll">Also show the tiles of measures with no figure for a team or area (left out by default).</param>
    public Task<OverviewModel> GetAsync(Viewer viewer, string? period, string? area, string? team, bool showAll, CancellationToken cancellationToken = default) =>
        GetAsync(viewer, period, null, area, team, showAll, cancellationToken);

    /// <param name="length">1, 3 or 12 (?length=): how many months each figure covers; null: the council's default.</param>
    public async Task<OverviewModel> GetAsync(Viewer viewer, string? period, string? length, string? area, string? team, bool showAll,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var scope = await scopes.ResolveAsync(viewer, area, team, figures.Settings.CouncilName, cancellationToken);
        var rule = figures.RuleFor(viewer);
        var months = await figures.PeriodAsync(period, length, cancellationToken);
        if (months is null) return new OverviewModel(null, scope, [], rule is not null);
        var rows = months.Roll(await queries.ScopeAsync(scope.Selected.Level, scope.Selected.Id, months.ReadFrom.ToString(), months.Selected.ToString(), cancellationToken));
        var byIndicator = rows.ToLookup(r => r.IndicatorId, StringComparer.Ordinal);
        var load = await queries.LoadIdAsync(cancellationToken);
        ChartKey Key(string indicatorId) => IndicatorPageService.ChartKeyFor(load, scope.Selected, months, ChartView.Suppression(rule), indicatorId, "sparkline");
        var all = IndicatorCatalogue.All.Select(i => Tile(i.Definition, byIndicator[i.Definition.Id], months, rule, Key(i.Definition.Id))).ToList();
        // The council counts everything; a team or area with no row for a measure does not do that work.
        var applies = scope.Selected.IsCouncil ? all : [.. all.Where(t => !t.Figure.IsMissing)];
        var tiles = showAll ? all : applies;
        var themes = tiles.GroupBy(t => t.Definition.Theme).OrderBy(g => g.Key).Select(g => new OverviewTheme(g.Key, [.. g])).ToList();
        return new OverviewModel(months, scope, themes, rule is not null, months.IsRunning ? $"the {months.Covers}" : null)
        {
            Summary = OverviewSummaryModel.Of(applies),
            NotApplicable = all.Count - applies.Count,
            ShowingAll = showAll,
            EnglandSources = EnglandCitation.Lines(tiles.Select(t => t.Definition)),
        };
    }

    private OverviewTile Tile(IndicatorDefinition definition, IEnumerable<StoredIndicator> rows, PeriodChoice months, Core.Suppression.SuppressionRule? rule, ChartKey key)
    {
        var series = IndicatorFigures.Series(rows, months, definition.Unit, rule);
        var current = series.FirstOrDefault(s => s.Month == months.Selected).Figure ?? VisibleFigure.Missing;
        var target = definition.Polarity == Polarity.Neither ? null : figures.Settings.TargetFor(definition.Id);
        var verdict = IndicatorFigures.VerdictFor(series, months, definition, target, figures.Settings.ChangeDatesFor(definition.Id));
        var points = series.Where(s => s.Figure.IsAvailable).Select(s => (s.Month, s.Figure.Value)).ToList();
        var sparkline = charts.GetOrDraw(key, () => points.Count(p => p.Value is not null) < 2 ? null : Sparkline.Build(definition.Id, points, definition.Unit, definition.Title));
        var previous = series.FirstOrDefault(s => s.Month == months.Selected.Previous()).Figure ?? VisibleFigure.Missing;
        return new OverviewTile(definition, current, target, figures.Rate(current, target, definition, months), verdict, sparkline)
        {
            Previous = previous,
            Length = months.Length,
        };
    }
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Suppression;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Themes;

/// <summary>
/// The themes page: the findings of the last Ofsted letter under each theme, each linked indicator's evidence since the
/// letter, and for a theme with no finding its indicators as they stand. Every role may see it (it holds no child-level
/// data); councillors get every figure suppressed (<see cref="Viewer.SeesSuppressedFigures"/>).
/// </summary>
public sealed class ThemesService(FindingStore findings, IndicatorFigures figures, FindingEvidenceQueries evidence, IndicatorSettings settings)
{
    private static readonly string[] AllIndicatorIds = [.. IndicatorCatalogue.All.Select(i => i.Definition.Id)];

    /// <param name="period">'yyyy-MM' from the query string; null means the latest complete month, a month not offered is a 400.</param>
    public Task<ThemesPage> GetAsync(Viewer viewer, string? period, CancellationToken cancellationToken = default) =>
        GetAsync(viewer, period, null, cancellationToken);

    /// <param name="length">1, 3 or 12 (?length=): rolling figures for a small council; null: the council's default.</param>
    public async Task<ThemesPage> GetAsync(Viewer viewer, string? period, string? length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var rule = viewer.SeesSuppressedFigures ? SuppressionRule.FromSetting(settings.SuppressionThreshold) : null;
        var choice = await figures.PeriodAsync(period, length, cancellationToken);
        var all = await findings.ListAsync(cancellationToken);
        if (choice is null)
        {
            // Before the first load: the findings still show, with no evidence yet.
            var bare = Enum.GetValues<Theme>().Select(t => new ThemeSection(t,
                [.. all.Where(f => f.Theme == t).Select(f => new FindingEvidence(f, []))], [])).ToList();
            return new ThemesPage([], null, rule, bare, all.Count);
        }

        var month = choice.Selected;
        var selected = month.ToString();
        var rating = new EvidenceRating(choice.IsRunning, settings.MinimumDenominator) { Length = choice.Length };
        // Every indicator is read, not only the linked ones: themes without a finding list theirs too. 29 council series.
        var rows = choice.Roll(await evidence.CouncilHeadlinesAsync(AllIndicatorIds, selected, cancellationToken))
            .ToLookup(r => r.IndicatorId, StringComparer.Ordinal);

        var sections = new List<ThemeSection>();
        foreach (var theme in Enum.GetValues<Theme>())
        {
            var themeFindings = all.Where(f => f.Theme == theme)
                .Select(f => new FindingEvidence(f, [.. f.IndicatorIds.Select(IndicatorCatalogue.Find).OfType<IIndicator>()
                    .Select(i => EvidenceCalculator.Evidence(f.FindingId, Month.Of(f.LetterDate), month, i.Definition,
                        [.. rows[i.Definition.Id]], settings.TargetFor(i.Definition.Id), rule, rating, settings.ChangeDatesFor(i.Definition.Id)))]))
                .ToList();
            var snapshots = themeFindings.Count > 0
                ? []
                : IndicatorCatalogue.All.Where(i => i.Definition.Theme == theme)
                    .Select(i => EvidenceCalculator.Snapshot(month, i.Definition, [.. rows[i.Definition.Id]], settings.TargetFor(i.Definition.Id), rule,
                        rating, settings.ChangeDatesFor(i.Definition.Id)))
                    .ToList();
            sections.Add(new ThemeSection(theme, themeFindings, snapshots));
        }
        return new ThemesPage([.. choice.Available.Select(m => m.ToString())], month, rule, sections, all.Count) { Choice = choice };
    }
}

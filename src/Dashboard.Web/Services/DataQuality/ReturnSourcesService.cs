using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.DataQuality;

/// <summary>One indicator: whether each return, on its own, lets it be measured, and whether the returns loaded together do.</summary>
public sealed record ReturnSupportRow(IndicatorDefinition Definition, IReadOnlyList<ReturnSupport> ByReturn, ReturnSupport Together);

/// <summary>What the data quality page shows of a load made from statutory returns.</summary>
/// <param name="Rejections">The first elements the import could not place; their text as found only for analysts.</param>
public sealed record ReturnSourcesView(long LoadId, IReadOnlyList<LoadedReturn> Returns, IReadOnlyList<ReturnSupportRow> Support,
    IReadOnlyList<ReturnRejection> Rejections, bool ShowsOriginals)
{
    public long RejectedTotal => Returns.Sum(r => r.Rejected);
}

/// <summary>
/// The statutory returns behind the latest load, for the data quality page: which returns, which indicators each
/// supports, and what the import could not place. Every role that sees data quality sees the returns and the locations;
/// the text as found may name a child, so only analysts see it, and each such view is audited.
/// </summary>
public sealed class ReturnSourcesService(LoadAuditQueries loads, ReturnSourceQueries returns, AuditTrail audit)
{
    public const int RejectionsShown = 50;

    /// <summary>The latest succeeded load's returns; null when that load came from an SSD extract (or none has run).</summary>
    public async Task<ReturnSourcesView?> LatestAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesDataQuality) throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot see data quality.");
        if (await loads.LastSucceededAsync(cancellationToken) is not { } run) return null;
        var loaded = await returns.ReturnsAsync(run.LoadId, cancellationToken);
        if (loaded.Count == 0) return null;
        var notSupported = ReturnSources.IndicatorsNotSupported(loaded);
        var support = IndicatorCatalogue.All.Select(i =>
        {
            var byReturn = loaded.Select(r => ReturnSourceQueries.SupportOf(r, i.Definition)).ToList();
            var together = notSupported.ContainsKey(i.Definition.Id)
                ? ReturnSupport.None
                : ReturnSourceQueries.SupportOf(Combined([.. loaded.Where(r => !r.NotSupported.ContainsKey(i.Definition.Id))]), i.Definition);
            return new ReturnSupportRow(i.Definition, byReturn, together);
        }).ToList();
        var rejections = await returns.RejectionsAsync(run.LoadId, RejectionsShown, cancellationToken);
        var originals = viewer.SeesQuarantinedRows;
        if (!originals) rejections = [.. rejections.Select(r => r with { Original = null })];
        else if (rejections.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ViewQuarantinedRows, $"/data-quality#returns-load-{run.LoadId}", detail: $"{rejections.Count} import rejections",
                cancellationToken: cancellationToken);
        }
        return new ReturnSourcesView(run.LoadId, loaded, support, rejections, originals);
    }

    /// <summary>The returns that support an indicator, as one: a table filled completely by any of them is complete.</summary>
    private static LoadedReturn Combined(IReadOnlyList<LoadedReturn> loaded) =>
        new("together", "", "", 0, 0, [.. loaded.SelectMany(r => r.Tables).GroupBy(t => t.Table, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.FirstOrDefault(t => t.Coverage == "complete") ?? g.First())]);
}

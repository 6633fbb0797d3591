using System.Globalization;
using Dashboard.Data.Audit;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.DataQuality;

/// <summary>One nightly run with its tables' figures added up: read = loaded + quarantined (rejected); repaired rows are loaded.</summary>
public sealed record RunSummary(LoadRun Run, long RowsRead, long RowsLoaded, long RowsQuarantined, int Tables)
{
    /// <summary>Loaded rows with an optional field left empty because its value was wrong.</summary>
    public long RowsRepaired { get; init; }
}

/// <summary>Rows the run rejected for one rule in one source table, or (<see cref="Outcome"/> repaired) loaded with
/// <see cref="Field"/> left empty.</summary>
public sealed record QuarantineCount(string SourceTable, string Rule, long Rows)
{
    public string Outcome { get; init; } = QuarantineOutcomes.Rejected;

    /// <summary>For a repair, the field left empty.</summary>
    public string? Field { get; init; }

    public bool IsRepair => Outcome == QuarantineOutcomes.Repaired;
}

/// <summary>What the data quality page shows: freshness, the recent runs, and the quarantine of the latest run that had any.</summary>
/// <param name="Quarantine">That run's rejected rows by table and rule.</param>
public sealed record DataQualityOverview(
    Freshness Freshness, IReadOnlyList<RunSummary> Runs, long? QuarantineLoadId, IReadOnlyList<QuarantineCount> Quarantine)
{
    /// <summary>That run's repaired fields by table, field and rule (the rows were loaded).</summary>
    public IReadOnlyList<QuarantineCount> Repairs { get; init; } = [];
}

/// <summary>The quarantine drill-down: the counts of one run (filtered), and the rows themselves only for roles that see them
/// (<see cref="Rows"/> is null otherwise).</summary>
public sealed record QuarantineView(
    long? LoadId, IReadOnlyList<long> LoadsWithQuarantine, IReadOnlyList<QuarantineCount> Counts, QuarantinePage? Rows, int Page, int PageSize)
{
    /// <summary>Every source table and rule of the run (not only those the filters match), for the filter choices.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The outcome filter as given (rejected, repaired or null for both).</summary>
    public string? Outcome { get; init; }

    public int Pages => Rows is null ? 0 : Math.Max(1, (Rows.Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The nightly runs and the quarantine for the data quality pages. Every role but councillors sees the runs and the counts;
/// the rejected rows hold children's details as they arrived, so only the roles <see cref="Viewer.SeesQuarantinedRows"/> allows
/// (analysts) see them, and each view
/// of them is audited.
/// </summary>
public sealed class DataQualityService(LoadAuditQueries loads, QuarantineQueries quarantine, DataFreshness freshness, AuditTrail audit)
{
    public const int RunsShown = 30;
    public const int RowsPerPage = 50;

    public async Task<DataQualityOverview> OverviewAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Require(viewer);
        var fresh = await freshness.GetAsync(cancellationToken);
        var summaries = await RunsAsync(viewer, cancellationToken);
        var withRows = await quarantine.LoadsWithQuarantineAsync(cancellationToken);
        long? latest = withRows.Count > 0 ? withRows[0] : null;
        var counts = latest is { } load ? await CountsAsync(load, cancellationToken) : [];
        return new DataQualityOverview(fresh, summaries, latest, [.. counts.Where(c => !c.IsRepair)]) { Repairs = [.. counts.Where(c => c.IsRepair)] };
    }

    /// <summary>The last <see cref="RunsShown"/> runs, newest first, with their tables' figures added up (the runs table,
    /// which the live load panel reads again when a load ends).</summary>
    public async Task<IReadOnlyList<RunSummary>> RunsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Require(viewer);
        var runs = await loads.RecentRunsAsync(RunsShown, cancellationToken);
        var tables = await loads.TablesAsync([.. runs.Select(r => r.LoadId)], cancellationToken);
        var byRun = tables.ToLookup(t => t.LoadId);
        return [.. runs.Select(r => new RunSummary(r, byRun[r.LoadId].Sum(t => t.RowsRead), byRun[r.LoadId].Sum(t => t.RowsLoaded),
            byRun[r.LoadId].Sum(t => t.RowsQuarantined), byRun[r.LoadId].Count()) { RowsRepaired = byRun[r.LoadId].Sum(t => t.RowsRepaired) })];
    }

    /// <param name="loadId">The run; null for the latest run that quarantined anything.</param>
    /// <param name="page">1-based; out-of-range pages read as the nearest page.</param>
    public Task<QuarantineView> QuarantineAsync(Viewer viewer, long? loadId, string? table, string? rule, int page,
        CancellationToken cancellationToken = default) => QuarantineAsync(viewer, loadId, table, rule, null, page, cancellationToken);

    /// <inheritdoc cref="QuarantineAsync(Viewer, long?, string?, string?, int, CancellationToken)"/>
    /// <param name="outcome">rejected, repaired, or null for both; any other value is refused (<see cref="ArgumentException"/>).</param>
    public async Task<QuarantineView> QuarantineAsync(Viewer viewer, long? loadId, string? table, string? rule, string? outcome, int page,
        CancellationToken cancellationToken = default)
    {
        Require(viewer);
        outcome = QuarantineOutcomes.Parse(outcome);
        var withRows = await quarantine.LoadsWithQuarantineAsync(cancellationToken);
        var load = loadId ?? (withRows.Count > 0 ? withRows[0] : null);
        if (load is not { } run) return new QuarantineView(null, withRows, [], null, 1, RowsPerPage);
        table = Blank(table);
        rule = Blank(rule);
        var all = await CountsAsync(run, cancellationToken);
        var counts = all.Where(c => (table is null || c.SourceTable == table) && (rule is null || c.Rule == rule)
            && (outcome is null || c.Outcome == outcome)).ToList();
        var choices = (Tables: all.Select(c => c.SourceTable).Distinct().Order(StringComparer.Ordinal).ToList(),
            Rules: all.Select(c => c.Rule).Distinct().Order(StringComparer.Ordinal).ToList());
        if (!viewer.SeesQuarantinedRows)
        {
            return new QuarantineView(run, withRows, counts, null, 1, RowsPerPage) { Tables = choices.Tables, Rules = choices.Rules, Outcome = outcome };
        }

        var total = counts.Sum(c => c.Rows);
        var lastPage = (int)Math.Max(1, (total + RowsPerPage - 1) / RowsPerPage);
        page = Math.Clamp(page, 1, lastPage);
        var rows = await quarantine.PageAsync(new QuarantineFilter(run, table, rule)
            { Outcome = outcome, Offset = (page - 1) * RowsPerPage, Limit = RowsPerPage }, cancellationToken);
        if (rows.Rows.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ViewQuarantinedRows, Resource(run, table, rule, page, outcome), detail: $"{rows.Rows.Count} rows",
                cancellationToken: cancellationToken);
        }
        return new QuarantineView(run, withRows, counts, rows, page, RowsPerPage) { Tables = choices.Tables, Rules = choices.Rules, Outcome = outcome };
    }

    /// <summary>The drill-down's address for these filters (also the audit resource).</summary>
    public static string Resource(long? load, string? table, string? rule, int page = 1, string? outcome = null)
    {
        var query = new List<string>();
        if (load is { } l) query.Add("load=" + l.ToString(CultureInfo.InvariantCulture));
        if (Blank(table) is { } t) query.Add("table=" + Uri.EscapeDataString(t));
        if (Blank(rule) is { } r) query.Add("rule=" + Uri.EscapeDataString(r));
        if (Blank(outcome) is { } o) query.Add("outcome=" + Uri.EscapeDataString(o));
        if (page > 1) query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "/data-quality/quarantine" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The run's rejected rows by table and rule, then its repaired fields by table, field and rule.</summary>
    private async Task<List<QuarantineCount>> CountsAsync(long load, CancellationToken cancellationToken) =>
    [
        .. (await loads.QuarantineSummaryAsync(load, cancellationToken)).Select(s => new QuarantineCount(s.SourceTable, s.Rule, s.Rows)),
        .. (await loads.RepairSummaryAsync(load, cancellationToken)).Select(s =>
            new QuarantineCount(s.SourceTable, s.Rule, s.Rows) { Outcome = QuarantineOutcomes.Repaired, Field = s.Field }),
    ];

    private static void Require(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesDataQuality) throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot see data quality.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Globalization;
using System.Text;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Indicators;
using Dashboard.Web.Auditing;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>What the exception list was asked for: the query string of the indicator page, checked.</summary>
public sealed record ExceptionRequest(string IndicatorId, string? Period, string? Team, string? Search, string? Sort, string? Direction, int Page)
{
    public const int PageSize = 50;

    /// <summary>The query name the team came in under, so a message about it names what is in the address.</summary>
    public string TeamParameter { get; init; } = "team";

    public static readonly IReadOnlyDictionary<string, ExceptionSort> Sorts = new Dictionary<string, ExceptionSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["overdue"] = ExceptionSort.DaysOverdue, ["due"] = ExceptionSort.DueDate, ["child"] = ExceptionSort.PersonId,
        ["team"] = ExceptionSort.Team, ["worker"] = ExceptionSort.Worker, ["what"] = ExceptionSort.WhatDue,
    };

    public string SortKey => Sort is { } s && Sorts.ContainsKey(s) ? s.ToLowerInvariant() : "overdue";

    /// <summary>Most overdue first unless asked otherwise; other columns ascending unless asked otherwise.</summary>
    public bool Descending => Direction is { } d ? d.Equals("desc", StringComparison.OrdinalIgnoreCase) : SortKey == "overdue";
}

/// <summary>One page of the children behind an indicator's failures, and how many there are in all.</summary>
public sealed record ExceptionListModel(IndicatorDefinition Definition, Month Period, ExceptionRequest Request, ExceptionPage Page)
{
    public int PageCount => Math.Max(1, (Page.Total + ExceptionRequest.PageSize - 1) / ExceptionRequest.PageSize);
}

/// <summary>
/// The exception list and its CSV export: child-level data, so only roles that see children get it, a manager only
/// for their own teams, and every view and export is written to the audit log (what was asked for, never the rows).
/// </summary>
public sealed class ExceptionListService(ScopeSeriesQueries queries, CachedScopeSeries scopeSeries, IndicatorFigures figures, AuditTrail audit)
{
    /// <summary>Null when there is no such indicator or no month has figures.</summary>
    public async Task<ExceptionListModel?> GetAsync(Viewer viewer, ExceptionRequest request, CancellationToken cancellationToken = default)
    {
        var (definition, month, query) = await AuthoriseAsync(viewer, request, cancellationToken) is { } ok ? ok : default;
        if (definition is null) return null;
        var page = Math.Max(1, request.Page);
        var result = await queries.ExceptionsAsync(query with { Offset = (page - 1) * ExceptionRequest.PageSize, Limit = ExceptionRequest.PageSize }, cancellationToken);
        var model = new ExceptionListModel(definition, month, request with { Page = page }, result);
        // A page past the end (an old bookmark, a typed address) is named rather than shown as an empty list, which would
        // read as "nobody to follow up".
        if (page > model.PageCount)
        {
            throw new BadQueryValueException("page", request.Page.ToString(CultureInfo.InvariantCulture),
                $"there is no page {page}: the list has {model.PageCount} {(model.PageCount == 1 ? "page" : "pages")}.");
        }
        await audit.RecordAsync(AuditActions.ViewExceptions, Resource(definition.Id, month, request), detail: $"page {page}, {result.Total} rows",
            cancellationToken: cancellationToken);
        return model;
    }

    /// <summary>The whole filtered list as CSV text (UTF-8 with a BOM, so Excel reads names correctly), or null for no such indicator.</summary>
    public async Task<(string FileName, byte[] Content)?> ExportAsync(Viewer viewer, ExceptionRequest request, CancellationToken cancellationToken = default)
    {
        var (definition, month, query) = await AuthoriseAsync(viewer, request, cancellationToken) is { } ok ? ok : default;
        if (definition is null) return null;
        var rows = await queries.AllExceptionsAsync(query, cancellationToken);
        await audit.RecordAsync(AuditActions.ExportExceptions, Resource(definition.Id, month, request), detail: $"{rows.Count} rows",
            cancellationToken: cancellationToken);
        var csv = ExceptionCsv.Write(rows);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return ($"{definition.Id.ToLowerInvariant()}-exceptions-{month}.csv", bytes);
    }

    private async Task<(IndicatorDefinition Definition, Month Month, ExceptionQuery Query)?> AuthoriseAsync(
        Viewer viewer, ExceptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        viewer.RequireChildren("the children behind an indicator");
        var team = string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim();
        if (team is not null)
        {
            if (!(await scopeSeries.TeamsAsync(cancellationToken)).Any(t => t.TeamId == team))
            {
                throw new BadQueryValueException(request.TeamParameter, team, "there is no team with this id; choose one from the list's team filter.");
            }
            viewer.RequireTeam(team, "The exception list asked for");
        }
        if (IndicatorCatalogue.Find(request.IndicatorId) is not { } indicator) return null;
        if (await figures.PeriodAsync(request.Period, cancellationToken) is not { } period) return null;
        IReadOnlyList<string>? teams = team is not null ? [team] : viewer.IsRestrictedToTeams ? [.. viewer.TeamIds] : null;
        var query = new ExceptionQuery(indicator.Definition.Id, period.Selected.ToString())
        {
            TeamIds = teams,
            Search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim(),
            Sort = ExceptionRequest.Sorts[request.SortKey],
            Descending = request.Descending,
        };
        return (indicator.Definition, period.Selected, query);
    }

    private static string Resource(string id, Month month, ExceptionRequest request) =>
        $"/indicators/{id}/exceptions?period={month}" + (string.IsNullOrWhiteSpace(request.Team) ? "" : $"&team={request.Team}")
        + (string.IsNullOrWhiteSpace(request.Search) ? "" : "&q=(search)");
}

/// <summary>
/// The exception list as CSV (RFC 4180). A cell that starts with = + - @ tab or CR is prefixed with ' so a
/// spreadsheet shows it as text rather than running it as a formula (CSV injection).
/// </summary>
public static class ExceptionCsv
{
    public static readonly IReadOnlyList<string> Headers =
        ["Person id", "Team", "Worker id", "Worker", "What was due", "Due date", "Days overdue", "Overdue unit", "Rule date", "Event id"];

    public static string Write(IEnumerable<StoredExceptionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        Line(sb, Headers);
        foreach (var r in rows)
        {
            Line(sb, [r.PersonId, r.TeamName ?? r.TeamId, r.WorkerId, r.WorkerName, r.WhatDue, Date(r.DueDate),
                r.DaysOverdue?.ToString(CultureInfo.InvariantCulture), r.OverdueUnit, Date(r.RuleDate), r.EventId]);
        }
        return sb.ToString();
    }

    /// <summary>A value made safe for a spreadsheet, then quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Line(StringBuilder sb, IEnumerable<string?> cells) => sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

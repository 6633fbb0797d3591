using Dashboard.Core.Codes;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// One agency's line: the month's figure and the 12 months' (counts added up), each as this viewer may see it. The
/// figures are <see cref="TeamFigure"/>s because they are suppressed the way the team table is (met = attended,
/// total = invited); their Team is the agency.
/// </summary>
public sealed record AgencyLine(string Agency, string AgencyName, TeamFigure Month, TeamFigure TwelveMonths);

/// <summary>
/// Attendance by agency for a partner indicator and one scope. <see cref="AskedWord"/> and <see cref="DoneWord"/> head
/// the count columns ("Invited", "Attended" or "Report provided").
/// </summary>
public sealed record AgencyAttendanceModel(Month Month, Month From, string AskedWord, string DoneWord, IReadOnlyList<AgencyLine> Lines);

/// <summary>
/// The per-agency series of PARTNERS-01/02/03 for the indicator page: the same stored rows the monitoring pack's partner
/// section reads (<see cref="FindingEvidenceQueries.BreakdownsAsync"/>), for the scope the page shows. For a councillor
/// each column of months (the month, the 12 months) is suppressed as one table, agencies by [attended, not attended], as
/// the team table is, so a hidden count cannot be worked out from the other agencies' counts.
/// </summary>
public sealed class AgencyAttendanceService(FindingEvidenceQueries queries, IndicatorFigures figures)
{
    public const int PooledMonths = 12;

    /// <summary>True for an indicator broken down by agency (every series an agency code).</summary>
    public static bool Applies(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var agencies = CodeLists.Get(CodeLists.Agency);
        return definition.Series.Count > 0 && definition.Series.All(agencies.ContainsKey);
    }

    public async Task<AgencyAttendanceModel?> GetAsync(Viewer viewer, IndicatorDefinition definition, ScopeChoice scope, Month month,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Applies(definition)) return null;
        var from = month.AddMonths(-(PooledMonths - 1));
        var rows = await queries.BreakdownsAsync([definition.Id], scope.Level, scope.Id, from.ToString(), month.ToString(), cancellationToken);
        var rule = figures.RuleFor(viewer);
        var names = CodeLists.Get(CodeLists.Agency);
        var bySeries = rows.ToLookup(r => r.Series ?? "", StringComparer.Ordinal);
        var agencies = definition.Series.Select(code => new TeamInfo(code, names.GetValueOrDefault(code, code), null, null)).ToList();
        var current = TeamBreakdown.Of([.. agencies.Select(a => (a, bySeries[a.TeamId].FirstOrDefault(r => r.Period == month.ToString())))],
            definition.Unit, rule);
        var pooled = TeamBreakdown.Of([.. agencies.Select(a => (a, Pooled([.. bySeries[a.TeamId].Where(r => r.NotAvailable is null)], definition.Unit)))],
            definition.Unit, rule);
        var lines = agencies.Select((a, i) => new AgencyLine(a.TeamId, a.TeamName, current[i], pooled[i])).ToList();
        var first = rows.Select(r => Month.Parse(r.Period)).DefaultIfEmpty(month).Min();
        var (asked, done) = Words(definition.Id);
        return new AgencyAttendanceModel(month, first, asked, done, lines);
    }

    /// <summary>Months' counts added up and the value worked out from them, as the monitoring pack does (not an average of rates).</summary>
    public static StoredIndicator? Pooled(IReadOnlyList<StoredIndicator> months, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0) return null;
        var n = months.Sum(r => r.Numerator);
        var d = months.Sum(r => r.Denominator);
        var last = months.MaxBy(r => r.Period)!;
        return last with { Numerator = n, Denominator = d, Value = IndicatorValue.Of(unit, n, d) };
    }

    private static (string Asked, string Done) Words(string indicatorId) => indicatorId switch
    {
        "PARTNERS-01" => ("Discussions expected at", "Attended"),
        "PARTNERS-03" => ("Invited", "Report provided"),
        _ => ("Invited", "Attended"),
    };
}

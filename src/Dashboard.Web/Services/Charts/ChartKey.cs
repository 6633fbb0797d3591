using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;

namespace Dashboard.Web.Services.Charts;

/// <summary>
/// What a drawn chart depends on, as the cache's key: the load its figures come from, the scope, the period (month and
/// figure length), the viewer's view of the figures and the chart itself ("SEEN-01/spc"). Two viewers share an entry
/// only when everything they may see of it is the same.
/// </summary>
public sealed record ChartKey(long LoadId, string Scope, string Period, string View, string Chart)
{
    /// <summary>The same key for the PNG drawing of the chart, kept as its own entry with its own size.</summary>
    public ChartKey Png => this with { Chart = Chart + ".png" };
}

/// <summary>How a viewer sees a chart's figures, written out for <see cref="ChartKey.View"/>.</summary>
public static class ChartView
{
    /// <summary>
    /// The suppression applied ("exact", or "suppressed 1-5" for a councillor: counts and rates built on them are hidden, so
    /// the drawing differs), whether worker figures are drawn, and the teams the viewer may see in the scope (a manager's
    /// team charts hold only their own teams). The role's name is not enough: what matters is what it shows.
    /// </summary>
    public static string Of(SuppressionRule? rule, bool seesWorkers, IEnumerable<TeamInfo> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var ids = string.Join(",", teams.Select(t => t.TeamId).Order(StringComparer.Ordinal));
        return $"{Suppression(rule)}|{(seesWorkers ? "workers" : "no workers")}|teams {ids}";
    }

    /// <summary>Only the suppression, for charts of the scope's own figures (the overview's sparklines).</summary>
    public static string Suppression(SuppressionRule? rule) => rule is null ? "exact" : $"suppressed 1-{rule.Threshold}";
}

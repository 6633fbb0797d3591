using Dashboard.Core.Indicators;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>What the tests comparing a councillor's page with a director's share: viewers and the month compared.</summary>
internal static class CouncillorComparison
{
    /// <summary>A signed-in viewer of <paramref name="role"/> over the whole council (no team of their own).</summary>
    public static Viewer ViewerFor(AppRole role) => new(DashboardTestHost.UserNameFor(role), role.ToString(), role, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The latest month whose last day is on or before the extract date (the latest as-at date stored).</summary>
    public static async Task<Month> LatestCompleteMonthAsync(DashboardTestHost host)
    {
        var queries = host.Services.GetRequiredService<CachedScopeSeries>();
        var months = (await queries.PeriodsAsync()).Select(Month.Parse).Order().ToList();
        var latest = await queries.ScopeAsync(ScopeChoice.CouncilLevel, ScopeChoice.CouncilLevel, months[^1].ToString(), months[^1].ToString());
        var extract = latest.Max(r => r.AsAtDate);
        return months.Last(m => m.Last <= extract);
    }
}

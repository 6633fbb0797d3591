using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Charts;

/// <summary>
/// Teams that do no such work (assessment teams on child protection visits) are not drawn in the team chart, for any
/// role; its description names them, apart from the councillor's teams hidden for small numbers.
/// </summary>
public sealed partial class TeamChartNoCasesTests
{
    private const string Indicator = "SEEN-01";

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.Councillor)]
    public async Task Teams_with_no_cases_in_the_months_charted_are_named_not_drawn(AppRole role)
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        var pages = host.Services.GetRequiredService<IndicatorPageService>();
        var queries = host.Services.GetRequiredService<CachedScopeSeries>();
        var model = (await pages.GetAsync(new Viewer("t", "t", role, new HashSet<string>()), Indicator, null, null, null))!;
        var chart = model.TeamChart!;

        var match = NoCases().Match(chart.Description);
        Assert.That(match.Success, Is.True, chart.Description);
        var named = match.Groups["names"].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ");
        var count = int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(named, Has.Length.EqualTo(count));

        // Each team named has no case in any month charted; each team drawn has.
        var rows = await queries.LevelAsync(Indicator, ScopeChoice.TeamLevel, model.Period!.From.ToString(), model.Period.Selected.ToString());
        var withCases = rows.Where(r => r.Denominator > 0).Select(r => r.ScopeName).ToHashSet();
        Assert.That(named, Has.None.AnyOf(withCases.ToArray()));
        Assert.That(chart.Table.Headers.Skip(1), Has.None.AnyOf(named));
        Assert.That(chart.Table.Headers.Skip(1), Is.SubsetOf(withCases));
        Assert.That(chart.Description.Contains("hidden: small numbers", StringComparison.Ordinal), Is.EqualTo(role == AppRole.Councillor && chart.Table.Headers.Count - 1 < withCases.Count),
            "only a councillor's teams are hidden for small numbers");
    }

    [GeneratedRegex(@"(?<count>\d+) teams? ha(?:s|ve) no such cases in these months: (?<names>[^.]+)\.")]
    private static partial Regex NoCases();
}

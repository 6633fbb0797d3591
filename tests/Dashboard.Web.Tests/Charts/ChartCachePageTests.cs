using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Dashboard.Web.Security;
using Dashboard.Web.Services.Charts;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Charts;

/// <summary>
/// The pages' drawn charts come from the chart cache: keyed by load, scope, period, view and chart, so a councillor's
/// suppressed chart and a director's exact one are never the same entry, a new load draws afresh, and warming draws
/// what the first viewers then find.
/// </summary>
public sealed partial class ChartCachePageTests
{
    private const string Indicator = "SEEN-01";

    private static Viewer As(AppRole role) => new($"test-{role}", "Test", role, new HashSet<string>());

    [Test]
    public async Task Councillor_and_director_charts_are_separate_entries_and_differ_where_suppression_does()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        var pages = host.Services.GetRequiredService<IndicatorPageService>();
        var director = (await pages.GetAsync(As(AppRole.Director), Indicator, null, null, null))!;
        var councillor = (await pages.GetAsync(As(AppRole.Councillor), Indicator, null, null, null))!;

        Assert.That(director.ChartKeys, Is.Not.Empty);
        Assert.That(councillor.ChartKeys, Is.Not.Empty);
        Assert.That(director.ChartKeys.Values.Intersect(councillor.ChartKeys.Values), Is.Empty, "no key is shared");
        Assert.That(director.ChartKeys.Values.Select(k => k.View), Has.All.StartsWith("exact|"));
        Assert.That(councillor.ChartKeys.Values.Select(k => k.View), Has.All.StartsWith("suppressed 1-5|"));
        // The small council's team chart has suppressed cells for a councillor: the two drawings cannot be the same.
        Assert.That(councillor.TeamChart!.Svg, Is.Not.EqualTo(director.TeamChart!.Svg));
        Assert.That(councillor.TeamChart.Description, Does.Contain("hidden: small numbers"));
        Assert.That(director.TeamChart.Description, Does.Not.Contain("hidden: small numbers"));
    }

    [Test]
    public async Task A_second_view_is_served_from_the_cache_with_the_same_svg_and_png()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        var cache = host.Services.GetRequiredService<ChartCache>();
        using var client = await host.SignedInAsync(AppRole.Director);
        var first = await client.GetStringAsync($"/indicators/{Indicator}");
        var entries = cache.Count;
        var second = await client.GetStringAsync($"/indicators/{Indicator}");
        Assert.That(cache.Count, Is.EqualTo(entries), "the second view drew nothing new");
        Assert.That(Svgs(second), Is.EqualTo(Svgs(first)).And.Not.Empty);

        var link = WebUtility.HtmlDecode(PngLink().Match(first).Groups[1].Value);
        var png = await client.GetByteArrayAsync(link);
        Assert.That(cache.Count, Is.EqualTo(entries + 1), "the PNG is an entry of its own");
        Assert.That(await client.GetByteArrayAsync(link), Is.EqualTo(png));
        Assert.That(cache.Count, Is.EqualTo(entries + 1));
    }

    [Test]
    public async Task A_new_load_draws_new_charts_from_its_figures()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var pages = host.Services.GetRequiredService<IndicatorPageService>();
        var before = (await pages.GetAsync(As(AppRole.Director), Indicator, null, null, null))!;

        var folder = Directory.CreateTempSubdirectory("charts-after-reload-");
        try
        {
            var source = Path.Combine(folder.FullName, "source.db");
            new CouncilGenerator(host.Clock).Generate(new GeneratorOptions(CouncilPreset.Scilly, Seed: 7, Years: 3, AsOf: host.AsOf), source);
            var run = await new EtlRunner(host.Clock).RunAsync(new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, source), host.Warehouse) { AsOf = host.AsOf });
            Assert.That(run.Status, Is.EqualTo("succeeded"));
            host.Clock.Advance(TimeSpan.FromSeconds(31));

            var after = (await pages.GetAsync(As(AppRole.Director), Indicator, null, null, null))!;
            Assert.That(after.ChartKeys.Values.Select(k => k.LoadId), Has.All.EqualTo(run.LoadId));
            Assert.That(before.ChartKeys.Values.Select(k => k.LoadId), Has.None.EqualTo(run.LoadId));
            Assert.That(after.SpcChart!.Svg, Is.Not.EqualTo(before.SpcChart!.Svg), "another council's data draws another chart");
            Assert.That(after.SpcChart.Table.Rows, Is.Not.EqualTo(before.SpcChart.Table.Rows));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Warming_draws_the_council_charts_each_role_then_finds()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        var cache = host.Services.GetRequiredService<ChartCache>();
        var warmer = host.Services.GetRequiredService<ChartCacheWarmer>();
        Assert.That(cache.Count, Is.Zero, "warming is off in the test host until called");

        Assert.That(await warmer.WarmAsync(CancellationToken.None), Is.GreaterThan(0));
        var warmed = cache.Count;
        Assert.That(warmed, Is.GreaterThan(0));
        Assert.That(await warmer.WarmAsync(CancellationToken.None), Is.Zero, "the same load is warmed once");

        foreach (var role in new[] { AppRole.Director, AppRole.Councillor, AppRole.ImprovementLead })
        {
            using var client = await host.SignedInAsync(role);
            await client.GetStringAsync("/");
            await client.GetStringAsync($"/indicators/{Indicator}");
            await client.GetStringAsync("/indicators/PLANS-01");
        }
        Assert.That(cache.Count, Is.EqualTo(warmed), "every chart those pages show was already drawn");

        var pages = host.Services.GetRequiredService<IndicatorPageService>();
        var councillor = (await pages.GetAsync(As(AppRole.Councillor), Indicator, null, null, null))!;
        Assert.That(councillor.ChartKeys.Values, Has.All.Matches<ChartKey>(cache.Contains));
    }

    private static List<string> Svgs(string html) => [.. SvgElement().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("<a href=\"([^\"]+\\.png[^\"]*)\" download>")]
    private static partial Regex PngLink();
}

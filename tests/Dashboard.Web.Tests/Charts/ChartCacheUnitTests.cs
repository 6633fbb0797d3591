using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Suppression;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Charts;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Charts;

/// <summary>The drawn-chart cache on its own: same bytes as a fresh drawing, keys by view, the size limit and its setting.</summary>
public sealed class ChartCacheUnitTests
{
    private static readonly ChartKey Key = new(7, "council:council", "2026-02/1", "exact", "SEEN-01/sparkline");

    private static ChartSpec Draw(int seed) => Sparkline.Build("SEEN-01",
        [.. Enumerable.Range(0, 24).Select(i => (new Month(2024, 3).AddMonths(i), (decimal?)(60 + (i * 7 + seed) % 30)))], IndicatorUnit.Percent, "Visits on time");

    [Test]
    public void A_cached_chart_has_the_same_svg_and_png_bytes_as_one_drawn_afresh()
    {
        using var cache = new ChartCache(ChartCacheSettings.Default);
        var first = cache.GetOrDraw(Key, () => Draw(1))!;
        var again = cache.GetOrDraw(Key, () => throw new AssertionException("a hit must not draw again"))!;
        var fresh = Draw(1);
        Assert.That(again, Is.SameAs(first));
        Assert.That(again.Svg, Is.EqualTo(fresh.Svg));
        var png = cache.Png(Key, again);
        Assert.That(png, Is.EqualTo(fresh.Png()));
        Assert.That(cache.Png(Key, Draw(2)), Is.SameAs(png), "the PNG is kept under the key, not drawn again");
    }

    [Test]
    public void No_chart_is_remembered_too()
    {
        using var cache = new ChartCache(ChartCacheSettings.Default);
        var draws = 0;
        Assert.That(cache.GetOrDraw(Key, () => { draws++; return null; }), Is.Null);
        Assert.That(cache.GetOrDraw(Key, () => { draws++; return null; }), Is.Null);
        Assert.That(draws, Is.EqualTo(1));
    }

    [Test]
    public void Another_load_or_view_is_another_entry()
    {
        using var cache = new ChartCache(ChartCacheSettings.Default);
        var director = cache.GetOrDraw(Key, () => Draw(1))!;
        var councillor = cache.GetOrDraw(Key with { View = ChartView.Suppression(SuppressionRule.Default) }, () => Draw(2))!;
        var nextLoad = cache.GetOrDraw(Key with { LoadId = 8 }, () => Draw(3))!;
        Assert.That(councillor.Svg, Is.Not.EqualTo(director.Svg));
        Assert.That(nextLoad.Svg, Is.Not.EqualTo(director.Svg));
        Assert.That(cache.Count, Is.EqualTo(3));
    }

    [Test]
    public void A_view_names_its_suppression_its_worker_figures_and_its_teams()
    {
        TeamInfo[] all = [new("T1", "Team one", "A", "Area"), new("T2", "Team two", "A", "Area")];
        var director = ChartView.Of(null, true, all);
        Assert.That(ChartView.Of(SuppressionRule.Default, false, all), Is.Not.EqualTo(director));
        Assert.That(ChartView.Of(new SuppressionRule(9), false, all), Is.Not.EqualTo(ChartView.Of(SuppressionRule.Default, false, all)));
        Assert.That(ChartView.Of(null, false, all), Is.Not.EqualTo(director), "an admin draws no worker funnel");
        Assert.That(ChartView.Of(null, true, all[..1]), Is.Not.EqualTo(director), "a manager's teams only");
        Assert.That(ChartView.Of(null, true, all.Reverse()), Is.EqualTo(director), "the same teams in another order");
    }

    [Test]
    public void The_cache_never_holds_more_bytes_than_its_limit_and_still_answers_beyond_it()
    {
        using var cache = new ChartCache(new ChartCacheSettings { Megabytes = 1 });
        // A sparkline's SVG is about 5 KB since its coordinates are rounded to 0.1 px: 500 of them do not fit in 1 MB.
        for (var i = 0; i < 500; i++)
        {
            var chart = cache.GetOrDraw(Key with { Chart = $"chart-{i}" }, () => Draw(i));
            Assert.That(chart, Is.Not.Null);
            Assert.That(cache.Bytes, Is.LessThanOrEqualTo(1024 * 1024));
        }
        Assert.That(cache.Count, Is.LessThan(500), "500 sparklines of about 5 KB each do not all fit in 1 MB");
    }

    [Test]
    public void Megabytes_zero_turns_the_cache_off()
    {
        using var cache = new ChartCache(new ChartCacheSettings { Megabytes = 0 });
        var draws = 0;
        cache.GetOrDraw(Key, () => { draws++; return Draw(1); });
        cache.GetOrDraw(Key, () => { draws++; return Draw(1); });
        Assert.That(draws, Is.EqualTo(2));
        Assert.That(cache.Count, Is.Zero);
    }

    [TestCase("Megabytes", "lots", "Dashboard:Web:ChartCache:Megabytes is 'lots'")]
    [TestCase("Megabytes", "-1", "Dashboard:Web:ChartCache:Megabytes is '-1'")]
    [TestCase("Warm", "sometimes", "Dashboard:Web:ChartCache:Warm is 'sometimes'")]
    public void A_bad_setting_is_named(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"Dashboard:Web:ChartCache:{key}", value)]).Build();
        Assert.That(() => ChartCacheSettings.From(configuration),
            Throws.TypeOf<Dashboard.Web.Security.InvalidWebSettingException>().With.Message.StartsWith(message));
    }

    [Test]
    public void Settings_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new("Dashboard:Web:ChartCache:Megabytes", "16"), new("Dashboard:Web:ChartCache:Warm", "false")]).Build();
        var settings = ChartCacheSettings.From(configuration);
        Assert.That(settings, Is.EqualTo(new ChartCacheSettings { Megabytes = 16, Warm = false }));
        Assert.That(ChartCacheSettings.From(new ConfigurationBuilder().Build()), Is.EqualTo(ChartCacheSettings.Default));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Overview;

/// <summary>The overview's summary as printed: it agrees with the tiles, links its concerns, and England is cited once.</summary>
public sealed partial class OverviewSummaryPageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase(AppRole.Director, "/")]
    [TestCase(AppRole.Director, "/?team={team}")]
    [TestCase(AppRole.Councillor, "/")]
    [TestCase(AppRole.Manager, "/?team={team}")]
    public async Task The_counts_equal_the_tiles_RAG_words(AppRole role, string path)
    {
        using var client = await _host.SignedInAsync(role);
        var html = await client.GetStringAsync(path.Replace("{team}", _host.ManagerTeamId, StringComparison.Ordinal));
        var tiles = TileRatings().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(tiles, Is.Not.Empty);
        Assert.That(SummaryCount(html, "red"), Is.EqualTo(tiles.Count(t => t == "red")));
        Assert.That(SummaryCount(html, "amber"), Is.EqualTo(tiles.Count(t => t == "amber")));
        Assert.That(SummaryCount(html, "green"), Is.EqualTo(tiles.Count(t => t == "green")));
        Assert.That(SummaryCount(html, "none"), Is.EqualTo(tiles.Count(t => t is "none" or "too-few")), "too few to rate counts as no rating");
    }

    [Test]
    public async Task The_director_sees_red_counts_and_concerns_that_link_to_red_or_amber_tiles_with_the_month()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/");
        Assert.That(html, Does.Contain("Top concerns"));
        var concerns = Concerns().Matches(html).Select(m => (Rag: m.Groups[1].Value, Id: m.Groups[2].Value, Query: m.Groups[3].Value)).ToList();
        Assert.That(concerns, Has.Count.InRange(1, 5), "the demo council has measures off target");
        foreach (var (rag, id, query) in concerns)
        {
            Assert.That(rag, Is.AnyOf("red", "amber"));
            Assert.That(html, Does.Contain($"<article class=\"tile tile--{rag}\" aria-labelledby=\"tile-{id}\""), $"{id}'s tile has the concern's rating");
            Assert.That(WebUtility.HtmlDecode(query), Does.StartWith("?period="), "the link keeps the overview's month");
        }
        using var page = await client.GetAsync(WebUtility.HtmlDecode($"/indicators/{concerns[0].Id}{concerns[0].Query}"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Biggest changes since"));
    }

    [Test]
    public async Task England_is_cited_once_under_the_tiles_not_in_each_tile()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/");
        var source = IndicatorCatalogue.All.Select(i => i.Definition.England).First(e => e is not null)!.Source;
        Assert.That(Regex.Matches(html, Regex.Escape(source)), Has.Count.EqualTo(1));
        Assert.That(html, Does.Contain("<footer class=\"sources\""));
        Assert.That(Regex.Matches(html, "England: "), Has.Count.GreaterThan(1), "each tile with a comparator still shows its figure");
    }

    [Test]
    public async Task A_teams_view_leaves_out_the_measures_with_no_figure_for_it_and_can_show_them()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var team = WebUtility.HtmlDecode(await client.GetStringAsync("/?team=" + _host.ManagerTeamId));
        var shown = TileRatings().Count(team);
        Assert.That(team, Does.Not.Contain("No figure: nothing of this kind was counted"));
        var notApplying = IndicatorCatalogue.All.Count - shown;
        Assert.That(notApplying, Is.GreaterThan(0), "a child protection team does not do every kind of work");
        Assert.That(team, Does.Contain(notApplying == 1 ? "1 measure does not apply to this team's work" : $"{notApplying} measures do not apply to this team's work"));

        var all = await client.GetStringAsync($"/?team={_host.ManagerTeamId}&show=all");
        Assert.That(TileRatings().Count(all), Is.EqualTo(IndicatorCatalogue.All.Count));
        Assert.That(all, Does.Contain("Hide them"));

        var council = await client.GetStringAsync("/");
        Assert.That(TileRatings().Count(council), Is.EqualTo(IndicatorCatalogue.All.Count), "the council's view shows every measure");
        Assert.That(council, Does.Not.Contain("do not apply"));
    }

    [Test]
    public async Task A_councillor_is_told_how_many_measures_are_unrated_because_their_figures_are_hidden()
    {
        using var councillor = await _host.SignedInAsync(AppRole.Councillor);
        using var director = await _host.SignedInAsync(AppRole.Director);
        var html = WebUtility.HtmlDecode(await councillor.GetStringAsync("/"));
        var hiddenTiles = Regex.Count(html, "<p class=\"tile__value\">c</p>");
        Assert.That(hiddenTiles, Is.GreaterThan(0), "the small council has hidden figures at council level");
        Assert.That(html, Does.Contain(hiddenTiles == 1 ? "1 measure has its figure hidden" : $"{hiddenTiles} measures have their figures hidden"));
        var directors = await director.GetStringAsync("/");
        Assert.That(directors, Does.Not.Contain("hidden to protect small numbers"));
    }

    [Test]
    public async Task A_bad_show_value_is_a_400_naming_it()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/?show=everything");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(body, Does.Contain("The address asks for show='everything'"));
    }

    private static int SummaryCount(string html, string rag)
    {
        var match = Regex.Match(html, $"summary__count--{rag}\"><span class=\"summary__number\">(\\d+)</span>");
        Assert.That(match.Success, Is.True, $"the summary has a {rag} count");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<article class=\"tile tile--([a-z-]+)\"")]
    private static partial Regex TileRatings();

    [GeneratedRegex("<li><span class=\"rag rag--([a-z]+)\">[a-z]+</span> <a href=\"/indicators/([A-Z0-9-]+)([^\"]*)\">")]
    private static partial Regex Concerns();
}

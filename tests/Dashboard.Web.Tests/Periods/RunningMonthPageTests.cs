using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Periods;

/// <summary>
/// The small council extracted on 4 March 2026: every page opens on February (the latest complete month), offers March as
/// "the month so far" and never rates it; a month that is not offered is a 400 naming the value.
/// </summary>
public sealed class RunningMonthPageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.SmallMidMonth);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("/")]
    [TestCase("/indicators/SEEN-01")]
    [TestCase("/themes")]
    public async Task With_no_month_asked_for_the_page_shows_the_latest_complete_month(string url)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync(url);

        Assert.That(html, Does.Contain("<option value=\"2026-02\" selected"));
        Assert.That(html, Does.Contain("<option value=\"2026-03\">March 2026: month so far (to 4 March)</option>"), "the running month is offered, labelled");
        Assert.That(html, Does.Not.Contain("month so far, to 4 March 2026"), "the month so far is not what is shown");
    }

    [Test]
    public async Task The_overview_and_indicator_page_say_which_period_each_figure_covers()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var overview = await client.GetStringAsync("/");
        var indicator = await client.GetStringAsync("/indicators/SEEN-01");

        Assert.That(overview, Does.Contain("<p class=\"figure-period\">February 2026</p>"));
        Assert.That(indicator, Does.Contain("<p class=\"figure-period\">February 2026</p>"));
        Assert.That(indicator, Does.Contain("by team, February 2026</caption>"));
    }

    [Test]
    public async Task Funnels_and_the_trend_by_team_compare_whole_months_only()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var complete = await client.GetStringAsync("/indicators/SEEN-01?period=2026-02");
        var running = await client.GetStringAsync("/indicators/SEEN-01?period=2026-03");

        Assert.That(complete, Does.Contain("teams compared, February 2026"), "a complete month has its funnel");
        Assert.Multiple(() =>
        {
            Assert.That(running, Does.Not.Contain("teams compared, March 2026"));
            Assert.That(running, Does.Not.Contain("workers compared, March 2026"));
            Assert.That(running, Does.Contain("so they stop at February 2026"));
            Assert.That(running, Does.Contain("by team"), "the team table and trend are still there");
            Assert.That(running, Does.Not.Match("by team[^<]*to March 2026"), "the trend by team ends at the last complete month");
        });
    }

    [Test]
    public async Task The_month_so_far_is_labelled_and_never_rated()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var overview = await client.GetStringAsync("/?period=2026-03");
        var indicator = await client.GetStringAsync("/indicators/SEEN-01?period=2026-03");

        Assert.That(overview, Does.Contain("in March 2026 (the month so far, to 4 March 2026)"));
        Assert.That(overview, Does.Contain("<p class=\"figure-period\">month so far, to 4 March 2026</p>"));
        Assert.That(overview, Does.Contain("not rated: month not over"));
        Assert.That(indicator, Does.Contain("This month so far"));
        Assert.That(indicator, Does.Contain("not rated: the month is not over"));
        foreach (var html in new[] { overview, indicator })
        {
            Assert.That(html, Does.Not.Match("class=\"rag rag--(green|amber|red|too-few)\""), "no rating of any kind for a few days of a month");
        }
    }

    [Test]
    public async Task The_latest_complete_month_is_rated()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var overview = await client.GetStringAsync("/");
        Assert.That(overview, Does.Match("class=\"rag rag--(green|amber|red)\""));
        Assert.That(overview, Does.Not.Contain("not rated: month not over"));
    }

    [TestCase("/?period=Search", "'Search'")]
    [TestCase("/?period=2026-13", "'2026-13'")]
    [TestCase("/?period=1999-01", "'1999-01'")]
    [TestCase("/?period=2026-04", "'2026-04'")]
    [TestCase("/indicators/SEEN-01?period=2031-01", "'2031-01'")]
    [TestCase("/themes?period=1999-01", "'1999-01'")]
    public async Task A_period_that_is_not_offered_is_a_400_naming_the_value(string url, string value)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain($"period={value}"));
        Assert.That(html, Does.Match(@"to (March 2026 \()?2026-03"), "says which months are offered");
    }

    [Test]
    public async Task The_packs_page_preselects_the_latest_complete_month_and_labels_the_month_so_far()
    {
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        var html = await client.GetStringAsync("/packs");

        Assert.That(html, Does.Contain("<option value=\"2026-02\" selected"));
        Assert.That(html, Does.Not.Contain("<option value=\"2026-03\" selected"));
        Assert.That(html, Does.Contain("March 2026: month so far (to 4 March)"));
    }

    [Test]
    public async Task Rolling_figures_end_at_the_latest_complete_month_and_the_month_so_far_is_not_offered_for_them()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/?length=3");
        var refused = await client.GetAsync("/?length=3&period=2026-03");
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("How Testshire is doing over the 3 months to February 2026"));
            Assert.That(html, Does.Not.Contain("<option value=\"2026-03\""), "the month so far is not a rolling window's end");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.Contain("March 2026 is still running"));
        });
        // The switch from the month so far goes to the latest complete month rather than to a refusal.
        var running = await client.GetStringAsync("/?period=2026-03");
        Assert.That(running, Does.Contain("href=\"/?length=3\">3 months (rolling)</a>"));
    }
}

using System.Net;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>A follow-up list value that cannot be used answers 400 with a page naming it, on the page and for the CSV.</summary>
public sealed class FollowUpQueryValueTests
{
    private DashboardTestHost _host = null!;
    private string _indicator = "";
    private string _period = "";
    private IReadOnlyList<StoredExceptionRow> _all = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        (_indicator, _period, _all) = await FollowUpListData.LongestListAsync(_host.Services);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("page=99999999999", "page='99999999999'")]
    [TestCase("page=0", "page='0'")]
    [TestCase("page=-1", "page='-1'")]
    [TestCase("page=two", "page='two'")]
    [TestCase("page=1.5", "page='1.5'")]
    [TestCase("sort=age", "sort='age'")]
    [TestCase("dir=up", "dir='up'")]
    [TestCase("xteam=NO-SUCH-TEAM", "xteam='NO-SUCH-TEAM'")]
    public async Task A_bad_list_value_on_the_indicator_page_is_named_in_a_400(string query, string named)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync($"/indicators/{_indicator}?period={_period}&{query}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("This address cannot be used").And.Contain($"asks for {named}"));
    }

    [Test]
    public async Task A_search_longer_than_100_characters_is_named_in_a_400()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync($"/indicators/{_indicator}?q={new string('a', ExceptionQueryValues.MaxSearchLength + 1)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), Does.Contain("asks for q=").And.Contain("at most 100 characters"));
    }

    [Test]
    public async Task A_page_past_the_last_says_how_many_pages_there_are()
    {
        var pages = Math.Max(1, (_all.Count + ExceptionRequest.PageSize - 1) / ExceptionRequest.PageSize);
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var last = await client.GetAsync($"/indicators/{_indicator}?period={_period}&page={pages}");
        using var past = await client.GetAsync($"/indicators/{_indicator}?period={_period}&page={pages + 1}");
        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()),
            Does.Contain($"there is no page {pages + 1}: the list has {pages} page"));
    }

    [TestCase("sort=age", "sort='age'")]
    [TestCase("dir=sideways", "dir='sideways'")]
    [TestCase("team=NO-SUCH-TEAM", "team='NO-SUCH-TEAM'")]
    public async Task A_bad_value_for_the_csv_is_named_in_a_400(string query, string named)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync($"/indicators/{_indicator}/exceptions.csv?period={_period}&{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), Does.Contain($"asks for {named}"));
    }

    [Test]
    public async Task A_team_that_exists_but_is_not_the_managers_stays_refused()
    {
        using var client = await _host.SignedInAsync(AppRole.Manager);
        using var unknown = await client.GetAsync($"/indicators/{_indicator}?xteam=NO-SUCH-TEAM");
        using var other = await client.GetAsync($"/indicators/{_indicator}?xteam={_host.OtherTeamId}");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Empty_values_from_the_form_mean_not_given()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync($"/indicators/{_indicator}?period={_period}&xteam=&q=&sort=&dir=&page=");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(FollowUpListHtml.Total(await response.Content.ReadAsStringAsync()), Is.EqualTo(_all.Count));
    }
}

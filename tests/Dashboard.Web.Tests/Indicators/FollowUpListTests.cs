using System.Net;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>
/// The "Children to follow up" list on the in-memory host: each control (sort, page, team, search) returns the rows it
/// should and keeps the others' state, and the CSV has the list's rows in the list's order.
/// </summary>
public sealed class FollowUpListTests
{
    private DashboardTestHost _host = null!;
    private string _indicator = "";
    private string _period = "";
    private string _managerTeamName = "";
    private IReadOnlyList<StoredExceptionRow> _all = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        (_indicator, _period, _all) = await FollowUpListData.LongestListAsync(_host.Services);
        _managerTeamName = (await _host.Services.GetRequiredService<CachedScopeSeries>().TeamsAsync()).Single(t => t.TeamId == _host.ManagerTeamId).TeamName;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private string Page(string query = "") => $"/indicators/{_indicator}?period={_period}{query}";

    [Test]
    public async Task The_search_box_is_empty_and_the_list_holds_every_row_until_something_is_searched()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync(Page());
        Assert.That(html, Does.Match("<input id=\"x-search\" name=\"q\" type=\"search\"( value=\"\")? />"), "an empty search box");
        Assert.That(FollowUpListHtml.Total(html), Is.EqualTo(_all.Count));
        Assert.That(FollowUpListHtml.Link(html, "Child"), Does.Not.Contain("q=").And.Not.Contain("xteam="));
    }

    [Test]
    public async Task Sorting_returns_the_rows_in_the_order_asked_and_keeps_the_team_and_search()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var worker = _all.First(r => r.TeamId == _host.ManagerTeamId && r.WorkerName is not null).WorkerName!;
        var part = worker.Split(' ')[^1];
        var html = await client.GetStringAsync(Page($"&xteam={_host.ManagerTeamId}&q={Uri.EscapeDataString(part)}"));
        Assert.That(html, Does.Contain($"value=\"{_host.ManagerTeamId}\" selected"), "the list's team filter shows the team chosen");
        Assert.That(html, Does.Contain($"type=\"search\" value=\"{WebUtility.HtmlEncode(part)}\""));

        var childLink = FollowUpListHtml.Link(html, "Child")!;
        Assert.That(childLink, Does.Contain($"xteam={_host.ManagerTeamId}").And.Contain($"q={Uri.EscapeDataString(part)}").And.Contain("sort=child&dir=asc"));
        var ascending = await client.GetStringAsync(childLink);
        var rows = FollowUpListHtml.Rows(ascending);
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r.Team), Is.All.EqualTo(_managerTeamName));
        Assert.That(rows.Select(r => r.Worker), Is.All.Contains(part));
        Assert.That(rows.Select(r => r.Child), Is.Ordered.Using<string>(StringComparer.Ordinal));

        var descending = await client.GetStringAsync(FollowUpListHtml.Link(ascending, "Child")!);
        Assert.That(FollowUpListHtml.Rows(descending).Select(r => r.Child), Is.Ordered.Descending.Using<string>(StringComparer.Ordinal));
    }

    [Test]
    public async Task Paging_shows_the_next_rows_and_keeps_the_sort()
    {
        Assume.That(_all, Has.Count.GreaterThan(ExceptionRequest.PageSize), "the test council's longest list fills more than a page");
        using var client = await _host.SignedInAsync(AppRole.Director);
        var first = await client.GetStringAsync(Page("&sort=child&dir=asc"));
        var next = FollowUpListHtml.Link(first, "Next")!;
        Assert.That(next, Does.Contain("sort=child&dir=asc").And.Contain("page=2").And.Contain($"period={_period}"));
        var second = await client.GetStringAsync(next);
        var pages = (_all.Count + ExceptionRequest.PageSize - 1) / ExceptionRequest.PageSize;
        Assert.That(second, Does.Contain($"Page 2 of {pages}"));
        var one = FollowUpListHtml.Rows(first);
        var two = FollowUpListHtml.Rows(second);
        Assert.That(one, Has.Count.EqualTo(ExceptionRequest.PageSize));
        Assert.That(two.Intersect(one), Is.Empty, "page 2 holds other rows");
        Assert.That(one.Concat(two).Select(r => r.Child), Is.Ordered.Using<string>(StringComparer.Ordinal));
        Assert.That(FollowUpListHtml.Link(second, "Previous"), Does.Contain("page=1").And.Contain("sort=child"));
    }

    [Test]
    public async Task The_filter_form_keeps_the_sort()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync(Page("&sort=team&dir=desc"));
        Assert.That(html, Does.Contain("<input type=\"hidden\" name=\"sort\" value=\"team\" />"));
        Assert.That(html, Does.Contain("<input type=\"hidden\" name=\"dir\" value=\"desc\" />"));
    }

    [TestCase(AppRole.Director, "child", "asc")]
    [TestCase(AppRole.Director, "overdue", "desc")]
    [TestCase(AppRole.Manager, "worker", "asc")]
    public async Task The_csv_has_the_lists_rows_in_the_lists_order_every_page(AppRole role, string sort, string dir)
    {
        using var client = await _host.SignedInAsync(role);
        var html = await client.GetStringAsync(Page($"&sort={sort}&dir={dir}"));
        var listed = new List<FollowUpRow>(FollowUpListHtml.Rows(html));
        for (var next = FollowUpListHtml.Link(html, "Next"); next is not null; next = FollowUpListHtml.Link(html, "Next"))
        {
            html = await client.GetStringAsync(next);
            listed.AddRange(FollowUpListHtml.Rows(html));
        }
        var csvLink = FollowUpListHtml.CsvLink(html);
        Assert.That(csvLink, Does.Contain($"sort={sort}&dir={dir}"));
        var csv = FollowUpListHtml.CsvRows(await client.GetStringAsync(csvLink));
        Assert.That(csv, Has.Count.EqualTo(FollowUpListHtml.Total(html)));
        Assert.That(csv, Is.EqualTo(listed));
        if (role == AppRole.Manager)
        {
            Assert.That(csv, Is.Not.Empty);
            Assert.That(csv.Select(r => r.Team), Is.All.EqualTo(_managerTeamName), "a manager's list is their own team's children");
        }
        else
        {
            Assert.That(csv, Has.Count.EqualTo(_all.Count));
        }
    }
}

/// <summary>The indicator whose follow-up list is longest in the default month, for tests that page through it.</summary>
internal static class FollowUpListData
{
    public static async Task<(string Indicator, string Period, IReadOnlyList<StoredExceptionRow> Rows)> LongestListAsync(IServiceProvider services)
    {
        var period = (await services.GetRequiredService<IndicatorFigures>().PeriodAsync(null))!.Selected.ToString();
        var queries = services.GetRequiredService<ScopeSeriesQueries>();
        (string, IReadOnlyList<StoredExceptionRow>) best = ("", []);
        foreach (var indicator in IndicatorCatalogue.All.Where(i => i.Definition.ExceptionRows is not null))
        {
            var rows = await queries.AllExceptionsAsync(new ExceptionQuery(indicator.Definition.Id, period) { Sort = ExceptionSort.PersonId });
            // Rows with a child: the list of children to follow up, not the threshold measure's rows about teams.
            if (rows.Count > best.Item2.Count && rows.All(r => r.PersonId is not null)) best = (indicator.Definition.Id, rows);
        }
        return (best.Item1, period, best.Item2);
    }
}

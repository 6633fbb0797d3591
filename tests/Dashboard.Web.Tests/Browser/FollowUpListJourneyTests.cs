using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director and a manager work the "Children to follow up" list in a real browser: sort by clicking headers, page
/// with Next, filter by team and search, download the CSV, and see the rows they asked for each time.
/// </summary>
[NonParallelizable]
public sealed class FollowUpListJourneyTests
{
    private LiveDashboard _dashboard = null!;
    private BrowserSession _browser = null!;
    private string _indicator = "";
    private string _period = "";
    private IReadOnlyList<StoredExceptionRow> _all = [];
    private string _managerTeamName = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Small);
        var services = _dashboard.Services;
        _period = (await services.GetRequiredService<IndicatorFigures>().PeriodAsync(null))!.Selected.ToString();
        _managerTeamName = (await services.GetRequiredService<CachedScopeSeries>().TeamsAsync()).Single(t => t.TeamId == _dashboard.ManagerTeamId).TeamName;
        // The list with the most of the manager's children among those where every row is late by a number of days, so both
        // people have pages to turn and an "Overdue by" to sort.
        var queries = services.GetRequiredService<ScopeSeriesQueries>();
        var best = -1;
        foreach (var indicator in IndicatorCatalogue.All.Where(i => i.Definition.ExceptionRows is not null))
        {
            var rows = await queries.AllExceptionsAsync(new ExceptionQuery(indicator.Definition.Id, _period));
            if (rows.Count == 0 || rows.Any(r => r.DaysOverdue is null || r.PersonId is null)) continue;
            var score = rows.Count(r => r.TeamId == _dashboard.ManagerTeamId) * 100_000 + rows.Count;
            if (score <= best) continue;
            (best, _indicator, _all) = (score, indicator.Definition.Id, rows);
        }
        Assert.That(_indicator, Is.Not.Empty, "the test council has an overdue list");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Test]
    public async Task A_director_sorts_pages_filters_searches_and_downloads_the_same_rows()
    {
        var page = await OpenAsync(AppRole.Director);
        Assert.That(await TotalAsync(page), Is.EqualTo(_all.Count));
        await BrowserSession.ScreenshotAsync(page, "80-follow-up-director");

        // Most overdue first by default; "Overdue by" turns it round, and back.
        Assert.That(Overdue(await RowsAsync(page)), Is.Ordered.Descending);
        await ClickAsync(page, "Overdue by");
        Assert.That(Overdue(await RowsAsync(page)), Is.Ordered.Ascending);
        await ClickAsync(page, "Overdue by");
        Assert.That(Overdue(await RowsAsync(page)), Is.Ordered.Descending);
        await ClickAsync(page, "Child");
        var first = await RowsAsync(page);
        Assert.That(first.Select(r => r.Child), Is.Ordered.Using<string>(StringComparer.Ordinal));

        await PagesAsync(page, first);

        // The list's own team filter, then a search within it; the order chosen stays.
        await page.SelectOptionAsync("#x-team", _dashboard.ManagerTeamId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        Assert.That(await BrowserSession.AddressMatchesAsync(page, "xteam="), Does.Contain("sort=child").And.Contain("dir=asc"));
        var team = await RowsAsync(page);
        Assert.That(team, Is.Not.Empty);
        Assert.That(team.Select(r => r.Team), Is.All.EqualTo(_managerTeamName));
        Assert.That(await TotalAsync(page), Is.EqualTo(_all.Count(r => r.TeamId == _dashboard.ManagerTeamId)));
        Assert.That(await page.Locator("#x-team").InputValueAsync(), Is.EqualTo(_dashboard.ManagerTeamId));

        await SearchAsync(page, team[0]);
        await BrowserSession.ScreenshotAsync(page, "81-follow-up-director-filtered");
        await DownloadMatchesAsync(page);
    }

    [Test]
    public async Task A_manager_sees_their_own_teams_children_and_works_the_list_the_same_way()
    {
        var page = await OpenAsync(AppRole.Manager);
        var own = _all.Where(r => r.TeamId == _dashboard.ManagerTeamId).ToList();
        Assert.That(own, Is.Not.Empty);
        Assert.That(await TotalAsync(page), Is.EqualTo(own.Count), "the manager's list is the director's list for their team");
        var options = await page.Locator("#x-team option").AllTextContentsAsync();
        Assert.That(options.Skip(1), Is.EqualTo(new[] { _managerTeamName }), "only the manager's own team to choose");
        await BrowserSession.ScreenshotAsync(page, "82-follow-up-manager");

        await ClickAsync(page, "Overdue by");
        Assert.That(Overdue(await RowsAsync(page)), Is.Ordered.Ascending);
        await ClickAsync(page, "Child");
        var first = await RowsAsync(page);
        Assert.That(first.Select(r => r.Team), Is.All.EqualTo(_managerTeamName));
        Assert.That(first.Select(r => r.Child), Is.Ordered.Using<string>(StringComparer.Ordinal));
        var expected = own.OrderBy(r => r.PersonId, StringComparer.Ordinal).ThenBy(r => r.EventId, StringComparer.Ordinal).Take(first.Count)
            .Select(r => r.PersonId).ToList();
        Assert.That(first.Select(r => r.Child), Is.EqualTo(expected), "the same children, in the same order, as the director's list of that team");

        if (own.Count > ExceptionRequest.PageSize) await PagesAsync(page, first);
        else Assert.That(await page.Locator("nav.pager, ul.pager").CountAsync(), Is.Zero, "one page: nothing to turn");

        await page.SelectOptionAsync("#x-team", _dashboard.ManagerTeamId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "xteam=");
        Assert.That(await TotalAsync(page), Is.EqualTo(own.Count));
        await SearchAsync(page, (await RowsAsync(page))[0]);
        await DownloadMatchesAsync(page);
    }

    private async Task<IPage> OpenAsync(AppRole role)
    {
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, role);
        await page.GotoAsync($"{_dashboard.BaseUrl}/indicators/{_indicator}?period={_period}");
        await Assertions.Expect(page.Locator("#exceptions-heading")).ToBeVisibleAsync();
        Assert.That(await page.Locator("#x-search").InputValueAsync(), Is.Empty, "the search box starts empty");
        return page;
    }

    /// <summary>Next shows other rows and says so; Previous comes back to the first rows; the order is kept.</summary>
    private static async Task PagesAsync(IPage page, IReadOnlyList<FollowUpRow> first)
    {
        var pages = await page.Locator("[aria-current=page]").TextContentAsync();
        Assert.That(await ClickAsync(page, "Next"), Does.Contain("page=2").And.Contain("sort=child"));
        Assert.That(await page.Locator("[aria-current=page]").TextContentAsync(), Is.EqualTo(pages!.Replace("Page 1 of", "Page 2 of", StringComparison.Ordinal)));
        var second = await RowsAsync(page);
        Assert.That(second, Is.Not.Empty);
        Assert.That(second.Intersect(first), Is.Empty, "page 2 holds other rows");
        Assert.That(string.CompareOrdinal(second[0].Child, first[^1].Child), Is.GreaterThanOrEqualTo(0), "page 2 carries on the order");
        await ClickAsync(page, "Previous");
        Assert.That(await RowsAsync(page), Is.EqualTo(first));
    }

    /// <summary>Searching for a child id finds that child's rows only; then for a worker's name, that worker's rows only.</summary>
    private static async Task SearchAsync(IPage page, FollowUpRow row)
    {
        await page.Locator("#x-search").FillAsync(row.Child);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "q=" + Regex.Escape(row.Child));
        var byChild = await RowsAsync(page);
        Assert.That(byChild, Is.Not.Empty);
        Assert.That(byChild.Select(r => r.Child), Is.All.EqualTo(row.Child));
        Assert.That(byChild.Select(r => r.Team), Is.All.EqualTo(row.Team), "the team filter is kept while searching");

        await page.Locator("#x-search").FillAsync(row.Worker);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "q=(?!" + Regex.Escape(row.Child) + "(&|#|$))");
        var byWorker = await RowsAsync(page);
        Assert.That(byWorker, Is.Not.Empty);
        Assert.That(byWorker.Select(r => r.Worker), Is.All.EqualTo(row.Worker));
        Assert.That(await page.Locator("#x-search").InputValueAsync(), Is.EqualTo(row.Worker));
    }

    /// <summary>The CSV holds as many rows as the list says, starting with the rows on the page, in the same order.</summary>
    private static async Task DownloadMatchesAsync(IPage page)
    {
        var shown = await RowsAsync(page);
        var total = await TotalAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = FollowUpListHtml.CsvRows(await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.That(csv, Has.Count.EqualTo(total));
        Assert.That(csv.Take(shown.Count), Is.EqualTo(shown));
    }

    /// <summary>Clicks a header or pager link of the list and returns the address it leads to.</summary>
    private static async Task<string> ClickAsync(IPage page, string link)
    {
        var before = await BrowserSession.AddressAsync(page);
        // A sorted header's name ends in its ▲ or ▼ (drawn by CSS), so the link is found by how its text starts.
        await page.Locator("section[aria-labelledby=exceptions-heading] :is(thead, nav) a", new() { HasTextRegex = new Regex("^" + Regex.Escape(link)) })
            .ClickAsync();
        return await BrowserSession.AddressLeavesAsync(page, before);
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.Locator("section[aria-labelledby=exceptions-heading]").InnerTextAsync();
        return int.Parse(Regex.Match(text, "\\(([0-9]+) rows?;").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<FollowUpRow>> RowsAsync(IPage page)
    {
        var cells = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('section[aria-labelledby=exceptions-heading] tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent.trim()))");
        return [.. cells.Select(c => new FollowUpRow(c[0], c[1], c[2], c[3]) { Overdue = c[5] })];
    }

    private static int[] Overdue(IReadOnlyList<FollowUpRow> rows) =>
        [.. rows.Select(r => int.Parse(r.Overdue.Split(' ')[0], CultureInfo.InvariantCulture))];
}

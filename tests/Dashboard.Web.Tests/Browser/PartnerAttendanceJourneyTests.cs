using System.Text.RegularExpressions;
using Dapper;
using Dashboard.Data.App;
using Dashboard.Data.Children;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// A director reads partner attendance by agency, follows a child from the list to their timeline and sees which agency
/// did not attend; a child's review due after the extract is under "Coming up", not in the history.
/// </summary>
[NonParallelizable]
public sealed class PartnerAttendanceJourneyTests
{
    private LiveDashboard _dashboard = null!;
    private BrowserSession _browser = null!;
    private string _period = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Small);
        _period = (await _dashboard.Services.GetRequiredService<IndicatorFigures>().PeriodAsync(null))!.Selected.ToString();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Test]
    public async Task A_director_sees_attendance_by_agency_and_which_agency_a_child_was_let_down_by()
    {
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync($"{_dashboard.BaseUrl}/indicators/PARTNERS-02?period={_period}");
        await BrowserSession.WaitForChartsAsync(page);
        await Assertions.Expect(page.Locator("#agencies-heading")).ToHaveTextAsync("By agency");
        var agencies = await page.Locator("table:has(caption:text('by agency')) tbody th").AllTextContentsAsync();
        Assert.That(agencies, Is.EqualTo(new[] { "Police", "Health", "Education", "Probation", "Housing", "Other agency" }));
        await BrowserSession.ScreenshotAsync(page, "83-partners-02-by-agency");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        var firstRow = page.Locator("section[aria-labelledby=exceptions-heading] tbody tr").First;
        var what = (await firstRow.Locator("td").Nth(3).TextContentAsync())!.Trim();
        Assert.That(what, Does.Match("^(Police|Health|Education|Probation|Housing|Other agency) invited to the initial conference, "));
        await firstRow.Locator("a").First.ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/children/");
        await Assertions.Expect(page.Locator(".child-layout__overdue")).ToContainTextAsync(what);
        await BrowserSession.ScreenshotAsync(page, "84-child-timeline-partner");
    }

    [Test]
    public async Task A_review_due_after_the_extract_is_coming_up_not_history()
    {
        var asOf = TestWarehouses.AsOf;
        var (child, future) = await ChildWithFutureEventAsync(asOf);
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, AppRole.Director);
        await page.GotoAsync($"{_dashboard.BaseUrl}/children/{child}");
        var comingUp = page.Locator("section.coming-up");
        await Assertions.Expect(comingUp.Locator("h2")).ToHaveTextAsync("Coming up");
        await Assertions.Expect(comingUp).ToContainTextAsync(future.Date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(comingUp).Not.ToContainTextAsync("not held");
        var history = await page.Locator(".timeline__date").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.That(history.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)), Is.All.LessThanOrEqualTo(asOf));
        await BrowserSession.ScreenshotAsync(page, "85-child-coming-up");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }

    private async Task<(string Child, ChildEvent Future)> ChildWithFutureEventAsync(DateOnly asOf)
    {
        var queries = _dashboard.Services.GetRequiredService<ChildTimelineQueries>();
        await using var connection = await _dashboard.Services.GetRequiredService<Data.IConnectionFactory>().OpenAsync();
        var candidates = await connection.QueryAsync<string>("""
            SELECT DISTINCT c.person_id FROM fact_cp_review f JOIN dim_child c ON c.child_key = f.child_key
            WHERE f.review_date_key IS NULL AND c.child_key <> 0
            """);
        foreach (var personId in candidates.Order(StringComparer.Ordinal))
        {
            if ((await queries.TimelineAsync(personId)).FirstOrDefault(e => e.Date > asOf) is { } future) return (personId, future);
        }
        throw new InvalidOperationException("The test council has no child with a review due after the extract.");
    }
}

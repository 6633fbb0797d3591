using System.Diagnostics;
using System.Text.RegularExpressions;
using Dashboard.Reports.Pdf;
using Microsoft.Playwright;

namespace Dashboard.Cli.Benchmarks;

/// <summary>
/// Signed-in users working the follow-up list over their own Blazor circuits, as people do: each is a tab in Debian's
/// Chromium (one browser, a context per user, so each has its own cookies and circuit), signed in through the form,
/// on an indicator page whose list runs over the circuit. They then sort by each column, turn pages and filter by a
/// team, in turn; a fixed number of clicks is shared among them. A click's time runs from the click to the list
/// showing its new view in the address bar with the table no longer busy: the circuit's round trip, the server's
/// work and the browser drawing the rows. A click whose view does not come within <see cref="ClickTimeout"/>, or a
/// tab showing the reconnect message or an error above the list, counts as an error.
/// </summary>
internal sealed class CircuitLoadHarness(string baseUrl, string indicatorId, string period, string teamId) : IAsyncDisposable
{
    private static readonly TimeSpan ClickTimeout = TimeSpan.FromSeconds(15);
    private const string List = "section.exceptions";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Starts Chromium, signs each user in and opens the indicator page until its list runs over the circuit.
    /// A few users at a time, so opening fifty pages is not itself the load being measured.</summary>
    public async Task<IReadOnlyList<IPage>> OpenAsync(IReadOnlyList<string> userNames, string password, CancellationToken ct)
    {
        if (!File.Exists(PdfPrinter.DefaultChromiumPath))
        {
            throw new InvalidOperationException($"The interactive load run needs Chromium at {PdfPrinter.DefaultChromiumPath}: install the chromium package (./.ci/setup.sh).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PdfPrinter.DefaultChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        var pages = new IPage[userNames.Count];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(userNames.Select(async (name, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                pages[i] = await OpenOneAsync(name, password);
            }
            finally
            {
                gate.Release();
            }
        }));
        return pages;
    }

    private async Task<IPage> OpenOneAsync(string userName, string password)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"{baseUrl}/signin");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/signin')");
        await page.GotoAsync($"{baseUrl}/indicators/{Uri.EscapeDataString(indicatorId)}?period={period}");
        await page.Locator($"{List}[data-live=circuit]").WaitForAsync(new() { Timeout = 120_000 });
        return page;
    }

    /// <summary>The users' clicks, <paramref name="totalClicks"/> in all (<see cref="FollowUpClickRound"/>).</summary>
    public Task<List<RequestSample>> RunAsync(IReadOnlyList<IPage> pages, int totalClicks, CancellationToken ct) =>
        FollowUpClickRound.RunAsync(pages, totalClicks, (page, click, _) => ClickAsync(page, click), ct);

    /// <summary>One click and its time; null when the list has no such link (one page: no Next), which is not a fault.</summary>
    private async Task<RequestSample?> ClickAsync(IPage page, string click)
    {
        var step = click == "team filter" ? "filter by team" : $"click \"{click}\"";
        var before = await page.EvaluateAsync<string>("() => location.href");
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (click == "team filter")
            {
                // Between the manager's team and all teams in turn, so the address always changes.
                var current = await page.Locator("#x-team").InputValueAsync();
                await page.SelectOptionAsync("#x-team", current == teamId ? "" : teamId);
                await page.Locator($"{List} form button[type=submit]").ClickAsync();
            }
            else
            {
                var link = page.Locator($"{List} :is(thead, nav) a", new() { HasTextRegex = new Regex("^" + Regex.Escape(click)) });
                if (await link.CountAsync() == 0) return null;
                started = Stopwatch.GetTimestamp();
                await link.First.ClickAsync(new() { Timeout = (float)ClickTimeout.TotalMilliseconds });
            }
            await page.WaitForFunctionAsync(
                "([before, list]) => location.href !== before && document.querySelector(list + ' table[aria-busy=false], ' + list + ' .empty, ' + list + ' [role=alert]') !== null",
                new[] { before, List }, new() { Timeout = (float)ClickTimeout.TotalMilliseconds, PollingInterval = 5 });
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var failed = await page.Locator($"{List} [role=alert]").CountAsync() > 0
                || await page.Locator("#components-reconnect-modal:visible").CountAsync() > 0;
            return new RequestSample(step, elapsed, null, failed);
        }
        catch (TimeoutException)
        {
            return new RequestSample(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, true);
        }
        catch (PlaywrightException)
        {
            return new RequestSample(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

using Dashboard.Data.App;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download: nothing can be downloaded here), with
/// helpers to sign in, wait for charts, check a page with axe-core and save a screenshot for people to look at.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where screenshots go: artifacts/screenshots under the repository (ignored by git).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath)) Assert.Ignore($"Browser tests need Debian's chromium at {ChromiumPath}: run ./.ci/setup.sh.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh browser context (its own cookies) at the given size: 1280 wide for a desk, 820 for a tablet.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        // Generous, because CI shares two cores between the test host, Chromium and the server: a slow first render is
        // not a failure, a page that never comes is.
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    public static async Task SignInAsync(IPage page, string baseUrl, AppRole role)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(baseUrl + "/signin");
        await page.GetByLabel("User name").FillAsync(TestCouncilSetup.UserNameFor(role));
        await page.GetByLabel("Password").FillAsync(TestCouncilSetup.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Leaving /signin is what signing in means; waiting for the landing page's full load as well made the sign-in fail
        // whenever that page was slow to render on a busy machine, and Playwright's WaitForURL then waiting for a load state
        // timed out on a fresh clone's CI run once the address had already changed. Asked of the page itself, as the
        // address helpers below do.
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/signin')", null, new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Waits for the page to load and checks every chart on it is drawn: the server puts each chart into the page as an
    /// SVG, so a figure without one (or with one the browser lays out at no size) is a broken chart, not a slow one.
    /// </summary>
    public static async Task WaitForChartsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Asked of the page, as the address helpers below are: Playwright's own load-state wait follows its navigation
        // events, and once on a fresh clone's CI run it waited 60 s for a page whose address had already changed (the
        // 12-month overview of RollingFiguresJourneyTests), as the sign-in's did before.
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { Timeout = 60_000 });
        try
        {
            // Polled, so a check made while a form's navigation is still swapping the document waits for the new one.
            await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('figure.chart')).every(" + Drawn + ")", null,
                new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var undrawn = await page.EvalOnSelectorAllAsync<string[]>("figure.chart", "fs => fs.filter(f => !(" + Drawn + ")(f)).map(f => f.id)");
            throw new AssertionException($"Charts not drawn on {page.Url}: {string.Join(", ", undrawn)}");
        }
    }

    /// <summary>A figure whose chart the browser lays out at a real size.</summary>
    private const string Drawn = "f => { const s = f.querySelector('svg.chart-svg'); const r = s && s.getBoundingClientRect(); return !!r && r.width >= 16 && r.height >= 16; }";

    /// <summary>
    /// Waits until the address bar no longer shows <paramref name="before"/> and returns the new address. Asked of the page
    /// itself, because the list and the filter panel change the address in place (history.pushState): Playwright's
    /// WaitForURL checks its own copy of the address and then waits for the next navigation event, so an in-place change
    /// that lands between the two is never seen (CI, two busy cores: a list sorted on screen, a test waiting 60 s).
    /// </summary>
    public static async Task<string> AddressLeavesAsync(IPage page, string before)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync("before => location.href !== before", before, new() { Timeout = 30_000 });
        return await AddressAsync(page);
    }

    /// <summary>Waits until the address bar matches <paramref name="pattern"/> (a pattern .NET and JavaScript read alike).</summary>
    public static async Task<string> AddressMatchesAsync(IPage page, string pattern)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.href)", pattern, new() { Timeout = 30_000 });
        return await AddressAsync(page);
    }

    /// <summary>The address the page shows now (Playwright's own copy follows it a moment later).</summary>
    public static Task<string> AddressAsync(IPage page) =>
        (page ?? throw new ArgumentNullException(nameof(page))).EvaluateAsync<string>("() => location.href");

    /// <summary>The WCAG 2.2 A and AA violations axe-core finds on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        return [.. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")];
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string FindScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}

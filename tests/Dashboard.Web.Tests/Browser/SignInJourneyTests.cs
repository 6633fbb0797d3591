using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>Signing in and out in a real browser, with the pages checked by axe-core and saved as screenshots.</summary>
[NonParallelizable]
public sealed class SignInJourneyTests
{
    private LiveDashboard _dashboard = null!;
    private BrowserSession _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Scilly);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Test]
    public async Task The_sign_in_page_meets_WCAG_22_AA()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await BrowserSession.ScreenshotAsync(page, "01-sign-in");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
        Assert.That(await page.TitleAsync(), Is.EqualTo("Sign in – Inspection Ready"));
    }

    [Test]
    public async Task A_wrong_password_says_so_and_the_message_meets_WCAG_22_AA()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await page.GetByLabel("User name").FillAsync(TestCouncilSetup.UserNameFor(AppRole.Director));
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be signed in");
        await BrowserSession.ScreenshotAsync(page, "02-sign-in-failed");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        var page = await _browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, _dashboard.BaseUrl, AppRole.Analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin?signedOut=1");
        await page.GotoAsync(_dashboard.BaseUrl + "/data-quality");
        Assert.That(page.Url, Does.Contain("/signin"));
    }
}

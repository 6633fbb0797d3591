using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>Signing in and out in a real browser, with the pages checked by axe-core and saved as screenshots.</summary>
[NonParallelizable]
public sealed class SignInJourneyTests() : BrowserJourney(TestCouncil.Scilly)
{
    [Test]
    public async Task The_sign_in_page_meets_WCAG_22_AA()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Dashboard.BaseUrl + "/signin");
        await BrowserSession.ScreenshotAsync(page, "01-sign-in");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);
        Assert.That(await page.TitleAsync(), Is.EqualTo("Sign in – Inspection Ready"));
    }

    [Test]
    public async Task A_wrong_password_says_so_and_the_message_meets_WCAG_22_AA()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Dashboard.BaseUrl + "/signin");
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
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "/signin\\?signedOut=1$");
        await page.GotoAsync(Dashboard.BaseUrl + "/data-quality");
        Assert.That(page.Url, Does.Contain("/signin"));
    }
}

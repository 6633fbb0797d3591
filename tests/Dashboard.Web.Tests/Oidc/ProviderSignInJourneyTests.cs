using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>
/// Signing in through the council's identity provider in Chromium, as staff would: "Sign in with ...", the provider's own
/// page, and back to the dashboard as the role their groups give; the plain "no access" page; refused tokens; and
/// signing out of both the dashboard and the provider. The audit log is read after each.
/// </summary>
[NonParallelizable]
public sealed class ProviderSignInJourneyTests
{
    private BrowserSession _browser = null!;
    private TestIdentityProvider _provider = null!;
    private LiveDashboard _dashboard = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserSession.StartAsync();
        _provider = await TestIdentityProvider.StartAsync();
        OidcTestSetup.AddPeople(_provider);
        _dashboard = await LiveDashboard.StartAsync(TestCouncil.Small, team => OidcTestSetup.Settings(_provider, team));
        _provider.Register(_dashboard.BaseUrl);
    }

    [SetUp]
    public void ResetProvider() => _provider.Reset();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Test]
    public async Task A_director_signs_in_through_the_council_and_sees_the_overview_under_their_own_name()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await BrowserSession.ScreenshotAsync(page, "90-sign-in-with-provider");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await SignInThroughProviderAsync(page, OidcTestSetup.Director);
        await BrowserSession.AddressMatchesAsync(page, "^" + Regex.Escape(_dashboard.BaseUrl + "/") + "$");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "91-provider-director-overview");
        await Assertions.Expect(page.Locator(".site-user__name")).ToHaveTextAsync("Alice Director (Director)");
        await Assertions.Expect(page.Locator("section.summary h2")).ToContainTextAsync("How Testshire is doing in");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToHaveCountAsync(0);

        var row = (await AuditRows.ForAsync(_dashboard.Services, "sign-in", OidcTestSetup.Director.UserName))[0];
        Assert.That((row.Outcome, row.Role, row.Resource), Is.EqualTo((AuditOutcome.Allowed, "Director", "/signin-oidc")));
    }

    [Test]
    public async Task A_manager_group_lands_on_its_team_and_cannot_open_another_team()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await SignInThroughProviderAsync(page, OidcTestSetup.Manager);
        await BrowserSession.AddressMatchesAsync(page, $"team={Regex.Escape(Uri.EscapeDataString(_dashboard.ManagerTeamId))}");
        await BrowserSession.WaitForChartsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "92-provider-manager-landing");
        await Assertions.Expect(page.Locator(".site-user__name")).ToHaveTextAsync("Mo Manager (Manager)");
        var teamChoices = await page.Locator("#filter-team option").AllInnerTextsAsync();
        Assert.That(teamChoices, Is.EqualTo(new[] { "Whole council", "Child Protection West" }), "only their own team to choose");

        var teams = await _dashboard.Services.GetRequiredService<IndicatorQueries>().TeamsAsync();
        var other = teams.First(t => t.Id != _dashboard.ManagerTeamId);
        var refused = await page.GotoAsync($"{_dashboard.BaseUrl}/?team={Uri.EscapeDataString(other.Id)}");
        Assert.That(refused!.Status, Is.EqualTo(403));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("is for a team that is not assigned to you");
    }

    [Test]
    public async Task Someone_in_no_mapped_group_is_told_plainly_who_to_ask_and_the_attempt_is_audited()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await SignInThroughProviderAsync(page, OidcTestSetup.Unmapped);
        await BrowserSession.AddressMatchesAsync(page, "^" + Regex.Escape(_dashboard.BaseUrl + "/no-access") + "$");
        await BrowserSession.ScreenshotAsync(page, "93-provider-no-access");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to Inspection Ready");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(OidcTestSetup.AccessContact);
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        var row = (await AuditRows.ForAsync(_dashboard.Services, "sign-in", OidcTestSetup.Unmapped.UserName))[0];
        Assert.That((row.Outcome, row.Resource), Is.EqualTo((AuditOutcome.Denied, "/signin-oidc")));
        await page.GotoAsync(_dashboard.BaseUrl + "/");
        Assert.That(page.Url, Does.Contain("/signin"), "no session here");
    }

    [TestCase(false, "had expired")]
    [TestCase(true, "failed its signature check")]
    public async Task An_expired_or_altered_token_is_refused_and_no_one_is_signed_in(bool tamper, string auditReason)
    {
        _provider.IssueExpiredTokens = !tamper;
        _provider.TamperWithIdentityTokens = tamper;
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        // The altered token claims the director's group for someone in none: it must not let them in.
        await SignInThroughProviderAsync(page, tamper ? OidcTestSetup.Unmapped : OidcTestSetup.Director);
        await BrowserSession.AddressMatchesAsync(page, "^" + Regex.Escape(_dashboard.BaseUrl + "/signin?failed=provider") + "$");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("did not work this time");
        await BrowserSession.ScreenshotAsync(page, tamper ? "94-provider-token-altered" : "94-provider-token-expired");
        await Assertions.Expect(page.Locator(".site-user__name")).ToHaveCountAsync(0);

        var row = (await AuditRows.ForAsync(_dashboard.Services, "sign-in"))[0];
        Assert.That((row.Outcome, row.UserName), Is.EqualTo((AuditOutcome.Failed, (string?)null)));
        Assert.That(row.Detail, Does.Contain(auditReason));
    }

    [Test]
    public async Task Signing_out_ends_the_dashboards_session_and_the_providers()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_dashboard.BaseUrl + "/signin");
        await SignInThroughProviderAsync(page, OidcTestSetup.Director);
        await BrowserSession.AddressMatchesAsync(page, "^" + Regex.Escape(_dashboard.BaseUrl + "/") + "$");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserSession.AddressMatchesAsync(page, "^" + Regex.Escape(_dashboard.BaseUrl + "/signin?signedOut=provider") + "$");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "You have signed out of Inspection Ready. Your sign-in with Testshire Council account has ended too.");
        await BrowserSession.ScreenshotAsync(page, "95-provider-signed-out");
        Assert.That(_provider.EndedSessions, Is.EqualTo(1), "the provider's session was ended");
        Assert.That(_provider.LastIdTokenHintSubject, Is.EqualTo(OidcTestSetup.Director.UserName), "with the identity token as hint");

        await page.GotoAsync(_dashboard.BaseUrl + "/data-quality");
        Assert.That(page.Url, Does.Contain("/signin"), "the dashboard's session has ended");
        // Signing in again needs the provider's page again: its session has ended too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with " + OidcTestSetup.DisplayName }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Council user name")).ToBeVisibleAsync();

        var signOut = (await AuditRows.ForAsync(_dashboard.Services, "sign-out", OidcTestSetup.Director.UserName))[0];
        Assert.That((signOut.Outcome, signOut.Role), Is.EqualTo((AuditOutcome.Allowed, "Director")));
    }

    private static async Task SignInThroughProviderAsync(IPage page, TestPerson person)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with " + OidcTestSetup.DisplayName }).ClickAsync();
        await page.GetByLabel("Council user name").FillAsync(person.UserName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}

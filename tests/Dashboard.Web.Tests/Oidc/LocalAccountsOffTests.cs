using System.Net;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>
/// A council that signs everyone in through its identity provider switches local accounts off: the sign-in page offers
/// only the provider, and the password form and page answer 404 as if they had never existed. This council's provider
/// offers no sign-out, so signing out ends the dashboard's session and says the provider's may still be open.
/// </summary>
[NonParallelizable]
public sealed class LocalAccountsOffTests
{
    private TestIdentityProvider _provider = null!;
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync(endSession: false);
        OidcTestSetup.AddPeople(_provider);
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, settings: OidcTestSetup.Settings(_provider, "team-under-test", localAccounts: false),
            services: s => s.AddSingleton(TimeProvider.System));
        _provider.Register(ProviderFlowClient.Dashboard.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }

    [Test]
    public async Task The_sign_in_page_offers_only_the_councils_sign_in()
    {
        var html = await _host.Anonymous().GetStringAsync("/signin?returnUrl=%2Fglossary");
        Assert.That(html, Does.Contain("href=\"/signin/provider?returnUrl=%2Fglossary\""));
        Assert.That(html, Does.Contain("Sign in with Testshire Council account"));
        Assert.That(html, Does.Not.Contain("type=\"password\"").And.Not.Contain("action=\"/signin\""));
    }

    [TestCase("POST", "/signin")]
    [TestCase("GET", "/account/password")]
    [TestCase("POST", "/account/password")]
    public async Task The_password_forms_answer_not_found(string method, string path)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = DashboardTestHost.UserNameFor(Data.App.AppRole.Director), ["Password"] = DashboardTestHost.Password,
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? content : null };
        using var response = await _host.Anonymous().SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)),
            Is.False, "no one signed in");
    }

    [Test]
    public async Task The_provider_still_signs_people_in_and_the_password_page_stays_gone()
    {
        using var client = new ProviderFlowClient(_host.CreateHandler());
        var (response, url) = await client.SignInAsync(OidcTestSetup.Director.UserName);
        Assert.That((response.StatusCode, url.AbsolutePath), Is.EqualTo((HttpStatusCode.OK, "/")));
        var (password, _) = await client.FollowAsync(new Uri(ProviderFlowClient.Dashboard, "/account/password"));
        Assert.That(password.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Without_a_provider_sign_out_only_the_dashboards_session_ends_and_the_page_says_so()
    {
        using var client = new ProviderFlowClient(_host.CreateHandler());
        await client.SignInAsync(OidcTestSetup.Director.UserName);
        var (signedOut, url) = await client.PostFormAsync("/glossary", "/signout");
        var html = await signedOut.Content.ReadAsStringAsync();
        Assert.That(url.PathAndQuery, Is.EqualTo("/signin?signedOut=dashboard-only"));
        Assert.That(html, Does.Contain("You may still be signed in with Testshire Council account"));
        var (after, afterUrl) = await client.FollowAsync(new Uri(ProviderFlowClient.Dashboard, "/glossary"));
        after.Dispose();
        Assert.That(afterUrl.AbsolutePath, Is.EqualTo("/signin"), "the dashboard's session has ended");
        var row = (await AuditRows.ForAsync(_host.Services, "sign-out", OidcTestSetup.Director.UserName))[0];
        Assert.That(row.Role, Is.EqualTo("Director"));
    }
}

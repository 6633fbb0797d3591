using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>
/// Signing in through a real OpenID Connect provider on 127.0.0.1, with the dashboard in-process and a client that
/// follows the redirects between them as a browser does: the group-to-role mapping, the plain "no access" page and
/// its audit row, a refused token, and the client secret in no log line and no audit row.
/// </summary>
[NonParallelizable]
public sealed class ProviderSignInTests
{
    private readonly CapturedLogs _logs = new();
    private TestIdentityProvider _provider = null!;
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        OidcTestSetup.AddPeople(_provider);
        var settings = OidcTestSetup.Settings(_provider, "team-under-test");
        settings["Logging:LogLevel:Default"] = "Trace";
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, settings: settings, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            // The provider's tokens carry today's times, so the dashboard checks them against today, not the test council's morning.
            s.AddSingleton(TimeProvider.System);
        });
        _provider.Register(ProviderFlowClient.Dashboard.ToString());
    }

    [SetUp]
    public void ResetProvider() => _provider.Reset();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }

    [Test]
    public async Task A_director_group_signs_in_as_director_with_their_name_and_an_audit_row()
    {
        using var client = new ProviderFlowClient(_host.CreateHandler());
        var (response, url) = await client.SignInAsync(OidcTestSetup.Director.UserName, "/glossary");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(url.AbsolutePath, Is.EqualTo("/glossary"), "back at the page asked for");
        Assert.That(html, Does.Contain("Alice Director <span class=\"site-user__role\">(Director)</span>"));
        Assert.That(html, Does.Not.Contain("Change password"), "the password lives with the provider");
        var row = (await AuditRows.ForAsync(_host.Services, "sign-in", OidcTestSetup.Director.UserName))[0];
        Assert.That((row.Outcome, row.Role, row.Resource), Is.EqualTo((AuditOutcome.Allowed, "Director", "/signin-oidc")));
        Assert.That(row.Detail, Does.Contain("grp-director"));
    }

    [Test]
    public async Task Someone_in_no_mapped_group_sees_a_plain_no_access_page_and_is_audited()
    {
        using var client = new ProviderFlowClient(_host.CreateHandler());
        var (response, url) = await client.SignInAsync(OidcTestSetup.Unmapped.UserName);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(url.AbsolutePath, Is.EqualTo("/no-access"));
        Assert.That(html, Does.Contain("You do not have access to Inspection Ready"));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(OidcTestSetup.AccessContact)), "says who to ask");
        foreach (var word in new[] { "group", "claim", "token", "OpenID", "OIDC", "403", "role" })
        {
            Assert.That(html.Split("<main")[^1], Does.Not.Contain(word).IgnoreCase, $"no technical word: {word}");
        }
        var row = (await AuditRows.ForAsync(_host.Services, "sign-in", OidcTestSetup.Unmapped.UserName))[0];
        Assert.That(row.Outcome, Is.EqualTo(AuditOutcome.Denied));
        Assert.That(row.Detail, Does.Contain("none of the person's 1 groups or roles is mapped"));

        var (home, homeUrl) = await client.FollowAsync(new Uri(ProviderFlowClient.Dashboard, "/"));
        home.Dispose();
        Assert.That(homeUrl.AbsolutePath, Is.EqualTo("/signin"), "not signed in here");
    }

    [Test]
    public async Task Groups_that_no_one_role_covers_give_no_access_rather_than_either_role()
    {
        using var client = new ProviderFlowClient(_host.CreateHandler());
        var (response, url) = await client.SignInAsync(OidcTestSetup.AdminAndDirector.UserName);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(url.PathAndQuery, Is.EqualTo("/no-access?reason=conflict"));
        Assert.That(html, Does.Contain("more than one kind of access"));
        var row = (await AuditRows.ForAsync(_host.Services, "sign-in", OidcTestSetup.AdminAndDirector.UserName))[0];
        Assert.That(row.Outcome, Is.EqualTo(AuditOutcome.Denied));
        Assert.That(row.Detail, Does.Contain("Director and Admin"));
    }

    [Test]
    public async Task An_identity_token_altered_after_signing_is_refused_and_audited()
    {
        _provider.TamperWithIdentityTokens = true;
        using var client = new ProviderFlowClient(_host.CreateHandler());
        var (response, url) = await client.SignInAsync(OidcTestSetup.Unmapped.UserName);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(url.PathAndQuery, Is.EqualTo("/signin?failed=provider"));
        Assert.That(html, Does.Contain("Signing in with Testshire Council account did not work this time"));
        Assert.That(html, Does.Not.Contain("site-user__name"), "no one is signed in");
        var row = (await AuditRows.ForAsync(_host.Services, "sign-in"))[0];
        Assert.That((row.Outcome, row.UserName), Is.EqualTo((AuditOutcome.Failed, (string?)null)));
        Assert.That(row.Detail, Does.Contain("signature check"));
    }

    [Test]
    public async Task The_client_secret_is_in_no_log_line_and_no_audit_row()
    {
        using (var client = new ProviderFlowClient(_host.CreateHandler()))
        {
            await client.SignInAsync(OidcTestSetup.Director.UserName);
            await client.FollowAsync(new Uri(ProviderFlowClient.Dashboard, "/glossary"));
        }
        _provider.IssueExpiredTokens = true;
        using (var client = new ProviderFlowClient(_host.CreateHandler()))
        {
            var (_, url) = await client.SignInAsync(OidcTestSetup.Director.UserName);
            Assert.That(url.PathAndQuery, Is.EqualTo("/signin?failed=provider"), "an expired token is refused");
        }
        var expired = (await AuditRows.ForAsync(_host.Services, "sign-in"))[0];
        Assert.That(expired.Detail, Does.Contain("expired"));

        Assert.That(_logs.Lines.Count(l => l.Category.StartsWith("Microsoft.AspNetCore.Authentication.OpenIdConnect", StringComparison.Ordinal)),
            Is.GreaterThan(5), "the handler's own lines were captured, at every level");
        Assert.That(_logs.Lines.Where(l => l.Text.Contains(TestIdentityProvider.ClientSecret, StringComparison.Ordinal)).Select(l => l.Category), Is.Empty);
        var audit = await AuditRows.ForAsync(_host.Services, "sign-in");
        Assert.That(audit.Where(r => (r.Detail ?? "").Contains(TestIdentityProvider.ClientSecret, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Forms_may_end_at_the_provider_so_signing_out_can_reach_its_sign_out()
    {
        // Chromium applies form-action to every redirect after a form post: without the provider's origin the sign-out
        // form's redirect to the provider's end_session_endpoint is blocked.
        using var response = await _host.Anonymous().GetAsync("/signin");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain($"form-action 'self' {_provider.Authority.TrimEnd('/')};"));
    }
}


using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Security;

public sealed class SignInTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task An_anonymous_request_for_a_page_is_sent_to_sign_in()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.StartWith("http://localhost/signin?ReturnUrl="));
    }

    [Test]
    public async Task The_sign_in_page_is_public_and_carries_the_security_headers()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync("/signin");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
    }

    [Test]
    public async Task Every_role_can_sign_in([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync("/not-a-page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_wrong_password_is_refused_and_audited()
    {
        using var client = _host.Anonymous();
        using var response = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin",
            new Dictionary<string, string> { ["UserName"] = DashboardTestHost.UserNameFor(AppRole.Analyst), ["Password"] = "not the password", ["ReturnUrl"] = "/" });
        Assert.That(response.Headers.Location!.ToString(), Does.StartWith("/signin?failed=1"));
        var audit = await ((AuditLog)_host.Services.GetService(typeof(AuditLog))!).RecentAsync(new AuditQuery { UserName = DashboardTestHost.UserNameFor(AppRole.Analyst) });
        Assert.That(audit.Rows.Any(r => r.Action == "sign-in" && r.Outcome == AuditOutcome.Failed && r.Detail == "wrong password"), Is.True);
    }

    [Test]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        using var client = _host.Anonymous();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" });
        using var response = await client.PostAsync("/signin", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_open_redirect_after_sign_in_is_not_followed()
    {
        using var client = _host.Anonymous();
        using var response = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin",
            new Dictionary<string, string> { ["UserName"] = DashboardTestHost.UserNameFor(AppRole.Director), ["Password"] = DashboardTestHost.Password, ["ReturnUrl"] = "//evil.example/" });
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/"));
    }
}

using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Security;

/// <summary>Request size limits and the generic error and status pages.</summary>
public sealed class RequestLimitTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_form_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        var huge = new string('x', 300 * 1024);
        using var response = await DashboardTestHost.PostFormAsync(client, "/themes/findings/new", "/themes/findings",
            new Dictionary<string, string> { ["Title"] = "Too long", ["Body"] = huge, ["LetterDate"] = "2026-01-10", ["Theme"] = "SEEN" });
        Assert.That((int)response.StatusCode, Is.EqualTo(413).Or.EqualTo(400), "a body over 256 KB is not accepted");
    }

    [Test]
    public async Task The_error_page_says_nothing_about_the_failure_but_gives_a_reference()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync("/error");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(html, Does.Contain("Something went wrong").And.Contain("reference"));
        Assert.That(html, Does.Not.Contain("Exception").And.Not.Contain(" at Dashboard."));
    }

    [Test]
    public async Task An_unknown_address_answers_404_with_a_page_that_says_so()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/no/such/page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Page not found"));
    }

    [Test]
    public async Task Assets_may_be_cached_but_pages_may_not()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var asset = await client.GetAsync("/assets/app.css");
        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asset.Headers.CacheControl!.Public, Is.True);
        Assert.That(asset.Headers.ETag, Is.Not.Null);
        using var page = await client.GetAsync("/");
        Assert.That(page.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(page.Headers.Contains("Server"), Is.False, "no Server header");
    }
}

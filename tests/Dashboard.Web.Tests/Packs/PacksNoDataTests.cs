using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Packs;

/// <summary>Before the first nightly load: the page says why there is nothing to make, and a post says so too.</summary>
public sealed class PacksNoDataTests
{
    private DashboardTestHost _host = null!;
    private HttpClient _director = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, empty: true);
        _director = await _host.SignedInAsync(AppRole.Director);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _director.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task The_page_says_there_are_no_figures_yet()
    {
        using var response = await _director.GetAsync("/packs");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("There are no figures to make a pack from yet."));
        Assert.That(html, Does.Not.Contain("action=\"/packs/make\""));
    }

    [Test]
    public async Task Annex_a_without_a_load_goes_back_with_a_message()
    {
        // The page has no form now, so the token comes from another page with one (the sign-out form in the nav).
        using var response = await DashboardTestHost.PostFormAsync(_director, "/packs", "/packs/make",
            new Dictionary<string, string> { ["pack"] = "annex-a", ["format"] = "xlsx" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("error=no-data"));
    }
}

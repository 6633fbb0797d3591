using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.DataQuality;

/// <summary>The dashboard before its first night: no runs, no quarantine, no figures.</summary>
public sealed class DataQualityEmptyTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(empty: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task With_no_runs_the_page_says_no_load_has_run()
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        using var response = await client.GetAsync("/data-quality");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("No load has run yet."));
        Assert.That(html, Does.Contain("No load has finished successfully yet"));
    }

    [Test]
    public async Task With_no_runs_the_drill_down_says_nothing_was_rejected()
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        using var response = await client.GetAsync("/data-quality/quarantine");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("No load has rejected or repaired any rows."));
    }

    [Test]
    public async Task With_no_load_a_child_is_not_found()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/children/P000001");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

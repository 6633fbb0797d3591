using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Overview;

/// <summary>Before the first nightly load: every page says so plainly, none fails.</summary>
public sealed class OverviewNoDataTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(empty: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("/")]
    [TestCase("/indicators/SEEN-01")]
    public async Task A_page_with_no_figures_says_there_are_none(string url)
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("There are no indicator figures yet."));
    }

    [Test]
    public async Task The_csv_of_an_empty_warehouse_is_not_found_rather_than_an_error()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/indicators/SEEN-01/exceptions.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

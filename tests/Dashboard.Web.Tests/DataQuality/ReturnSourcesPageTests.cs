using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.DataQuality;

/// <summary>
/// The small council loaded from its statutory returns: the data quality page says where the data came from and which
/// indicators the returns support, and every page says "not available from these sources", with why, for what they lack.
/// </summary>
public sealed class ReturnSourcesPageTests
{
    private DashboardTestHost _host = null!;
    private readonly Dictionary<AppRole, HttpClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.SmallFromReturns);
        foreach (var role in Enum.GetValues<AppRole>()) _clients[role] = await _host.SignedInAsync(role);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<string> PageAsync(AppRole role, string url)
    {
        using var response = await _clients[role].GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_data_quality_page_names_the_returns_and_what_each_supports()
    {
        var html = await PageAsync(AppRole.Director, "/data-quality");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Where the data comes from: statutory returns"));
            Assert.That(html, Does.Contain("<th scope=\"row\">CIN census</th>").And.Contain("<th scope=\"row\">SSDA903</th>").And.Contain("<th scope=\"row\">Annex A</th>"));
            Assert.That(html, Does.Contain("Indicators each return supports on its own, and all of them together"));
            Assert.That(html, Does.Match(@"OVERSIGHT-01</a>[^<]*</th>\s*<td>No</td>\s*<td>No</td>\s*<td>No</td>\s*<td><strong>No</strong></td>"),
                "no return records management oversight");
            Assert.That(html, Does.Match(@"RISK-01</a>[^<]*</th>\s*<td>Every month</td>\s*<td>No</td>\s*<td>No</td>\s*<td><strong>Every month</strong></td>"),
                "assessments in time come whole from the CIN census; Annex A's assessments are not linked to their referral");
            Assert.That(html, Does.Match(@"RISK-05</a>[^<]*</th>\s*<td>No</td>\s*<td>No</td>\s*<td>No</td>\s*<td><strong>No</strong></td>"),
                "neither the census nor Annex A holds the plans before their years that make a plan a repeat");
            Assert.That(html, Does.Match(@"FRONT-04</a>[^<]*</th>\s*<td>Every month</td>\s*<td>No</td>\s*<td>Its 6 months</td>"),
                "Annex A holds referrals for its 6 months only");
            Assert.That(html, Does.Match(@"CARE-01</a>[^<]*</th>\s*<td>No</td>\s*<td>Every month</td>"), "placement stability comes from SSDA903, not the census");
        });
    }

    [Test]
    public async Task What_no_return_carries_is_not_available_from_these_sources_with_why()
    {
        var html = await PageAsync(AppRole.Director, "/indicators/OVERSIGHT-01");

        Assert.That(html, Does.Contain("Not available from these sources: the CIN census, SSDA903 and Annex A carry no management oversight records"));
        Assert.That(html, Does.Not.Contain("0%"));
    }

    [Test]
    public async Task The_overview_tile_of_a_missing_measure_says_why_rather_than_showing_a_figure()
    {
        var html = await PageAsync(AppRole.Director, "/");

        Assert.That(html, Does.Contain("Not available from these sources"));
    }

    [Test]
    public async Task Only_analysts_see_what_the_import_could_not_place_as_it_was_found()
    {
        var director = await PageAsync(AppRole.Director, "/data-quality");
        var analyst = await PageAsync(AppRole.Analyst, "/data-quality");

        Assert.Multiple(() =>
        {
            Assert.That(director, Does.Contain("What the import could not place"));
            Assert.That(director, Does.Not.Contain("<th scope=\"col\">As found</th>"));
            Assert.That(analyst, Does.Contain("What the import could not place"));
        });
    }

    [Test]
    public async Task A_councillor_still_cannot_open_data_quality()
    {
        using var response = await _clients[AppRole.Councillor].GetAsync("/data-quality");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

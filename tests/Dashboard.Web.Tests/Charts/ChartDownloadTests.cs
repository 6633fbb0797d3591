using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Charts;

/// <summary>"Download chart (PNG)" under an indicator page's charts: the same checks as the page, and a real image.</summary>
public sealed partial class ChartDownloadTests
{
    private const string Indicator = "SEEN-01";
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Each_chart_on_the_page_links_to_its_png_which_downloads_as_an_image()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync($"/indicators/{Indicator}");
        var links = PngLinks().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.That(links, Has.Count.GreaterThanOrEqualTo(2), "the SPC chart and the trend by team at least");
        Assert.That(links, Has.Some.Contains($"/indicators/{Indicator}/charts/spc-"));
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), link);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"), link);
            Assert.That(response.Headers.CacheControl!.NoStore, Is.True, link);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.That(bytes.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), link);
        }
    }

    [Test]
    public async Task A_chart_id_the_page_does_not_draw_is_not_found()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync($"/indicators/{Indicator}/charts/spc-nothing-like-it.png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Signed_out_there_is_no_chart()
    {
        using var client = _host.Anonymous();
        var director = await _host.SignedInAsync(AppRole.Director);
        var link = PngLinks().Match(await director.GetStringAsync($"/indicators/{Indicator}")).Groups[1].Value;
        director.Dispose();
        using var response = await client.GetAsync(WebUtility.HtmlDecode(link));
        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>The download answers as the page does for the same role and filters: a team the viewer may not see is refused by both.</summary>
    [TestCase(AppRole.Manager)]
    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Director)]
    public async Task The_download_is_refused_exactly_when_the_page_is(AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var page = await client.GetAsync($"/indicators/{Indicator}?team={_host.OtherTeamId}");
        using var png = await client.GetAsync($"/indicators/{Indicator}/charts/spc-anything.png?team={_host.OtherTeamId}");
        if (page.StatusCode == HttpStatusCode.OK) Assert.That(png.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "allowed, but no such chart");
        else Assert.That(png.StatusCode, Is.EqualTo(page.StatusCode));
    }

    [GeneratedRegex("<a href=\"([^\"]+\\.png[^\"]*)\" download>Download chart \\(PNG\\)")]
    private static partial Regex PngLinks();
}

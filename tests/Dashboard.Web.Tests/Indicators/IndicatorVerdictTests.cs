using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>
/// The indicator page's verdict in plain words, the phases its chart draws when the council recorded a change, and the
/// glossary of the chart's terms under the chart.
/// </summary>
public sealed partial class IndicatorVerdictTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small, indicators: IndicatorSettings.Default with
    {
        CouncilName = "Testshire",
        ChangeDates = [new ChangeDate(new DateOnly(2025, 6, 1), "New locality teams", ["SEEN-01"])],
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private async Task<string> PageAsync(string id, AppRole role = AppRole.Director)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync($"/indicators/{id}?period=2026-03");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task After_a_recorded_change_the_verdict_says_since_when_and_the_chart_marks_the_boundary([Values(AppRole.Director, AppRole.Councillor)] AppRole role)
    {
        var html = await PageAsync("SEEN-01", role);

        Assert.That(Verdict(html), Does.StartWith("Since June 2025, when the council recorded a change (New locality teams): "));
        // The drawn chart labels the boundary with the recorded change's words.
        Assert.That(html, Does.Match(@"(?s)<svg [^>]*class=""chart-svg""(?:(?!</figure>).)*<text[^>]*>\s*New locality teams\s*</text>"));
        Assert.That(html, Does.Contain("The limits were recalculated from June 2025, when the council recorded a change (New locality teams)."));
    }

    [Test]
    public async Task A_measure_the_change_does_not_name_keeps_its_own_limits()
    {
        var html = await PageAsync("SEEN-03");

        Assert.That(html, Does.Not.Contain("New locality teams"));
    }

    [TestCase("SEEN-01")]
    [TestCase("RISK-01")]
    [TestCase("FRONT-01")]
    public async Task The_verdict_speaks_plain_english_and_the_terms_are_in_the_glossary_under_the_chart(string id)
    {
        var html = await PageAsync(id);
        var verdict = Verdict(html);

        Assert.That(verdict, Does.Match("(getting better|getting worse|no real change|higher than usual|lower than usual|too few months to judge yet)"));
        Assert.That(verdict, Does.Not.Match("(?i)special cause|common cause|process|reliably|either way|significant"));
        var glossary = html[html.IndexOf("class=\"chart-glossary\"", StringComparison.Ordinal)..];
        Assert.That(html.IndexOf("class=\"chart-glossary\"", StringComparison.Ordinal), Is.GreaterThan(html.IndexOf("class=\"chart-svg\"", StringComparison.Ordinal)),
            "the glossary follows the chart");
        foreach (var term in new[] { "Control limits", "Special cause variation", "Common cause variation", "Run of 7", "Assurance", "Funnel plot" })
        {
            Assert.That(glossary, Does.Contain($"<dt>{term}"), term);
        }
    }

    /// <summary>The words of the verdict paragraph.</summary>
    private static string Verdict(string html)
    {
        var match = VerdictParagraph().Match(html);
        Assert.That(match.Success, Is.True, "the page has a verdict");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<p class=\"verdict verdict--[a-z]+\"><span class=\"verdict__icon\" aria-hidden=\"true\">[^<]*</span> <span>([^<]+)</span></p>")]
    private static partial Regex VerdictParagraph();
}

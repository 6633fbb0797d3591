using System.Net;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Themes;

/// <summary>/themes for every role, before and after a finding is entered, and before the first load.</summary>
public sealed class ThemesPageTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test, Order(1)]
    public async Task With_no_findings_every_role_sees_each_theme_and_its_indicators([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        using var response = await client.GetAsync("/themes");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<title>Themes and improvement plan – Inspection Ready</title>"));
        Assert.That(html, Does.Contain("No findings from an Ofsted letter have been entered yet"));
        foreach (var theme in Enum.GetValues<Theme>()) Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(theme.Describe())));
        Assert.That(ThemesTestSupport.RowCells(html, "SEEN-01"), Has.Count.EqualTo(1), "each theme lists its indicators with the month's figure");
    }

    [Test, Order(1)]
    public async Task Only_the_people_who_manage_findings_are_pointed_to_the_add_form([Values] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        var html = await client.GetStringAsync("/themes");
        var manages = role is AppRole.ImprovementLead or AppRole.Admin;
        Assert.That(html.Contains("href=\"/themes/findings/new\"", StringComparison.Ordinal), Is.EqualTo(manages));
        Assert.That(html.Contains("An improvement lead enters the findings", StringComparison.Ordinal), Is.EqualTo(!manages));
    }

    [Test, Order(2)]
    public async Task A_finding_shows_under_its_theme_with_the_evidence_of_its_indicators([Values] AppRole role)
    {
        await EnsureFindingAsync();
        using var client = await _host.SignedInAsync(role);
        var html = await client.GetStringAsync("/themes");
        Assert.That(html, Does.Contain("Children are not seen often enough"));
        Assert.That(html, Does.Contain("Evidence since the letter: June 2025 to March 2026"));
        Assert.That(html, Does.Contain("class=\"chart-svg\""), "a trend chart since the letter");
        Assert.That(html, Does.Not.Contain("No findings from an Ofsted letter have been entered yet"));
        var cells = ThemesTestSupport.RowCells(html, "SEEN-01");
        Assert.That(cells, Has.Count.EqualTo(2), "the month of the letter and the latest month");
    }

    [Test, Order(2)]
    public async Task The_period_in_the_query_string_chooses_the_month_the_evidence_runs_to()
    {
        await EnsureFindingAsync();
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/themes?period=2025-12");
        Assert.That(html, Does.Contain("Evidence since the letter: June 2025 to December 2025"));
        Assert.That(html, Does.Contain("<option value=\"2025-12\" selected"));
    }

    [Test, Order(2)]
    public async Task A_month_with_no_figures_is_a_400_rather_than_another_month()
    {
        await EnsureFindingAsync();
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/themes?period=1999-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), Does.Contain("period='1999-01'"));
    }

    [Test, Order(2)]
    public async Task A_letter_after_the_chosen_month_says_so_rather_than_comparing()
    {
        await EnsureFindingAsync();
        using var client = await _host.SignedInAsync(AppRole.Director);
        var html = await client.GetStringAsync("/themes?period=2025-03");
        Assert.That(html, Does.Contain("The letter is dated after March 2025"));
    }

    [Test]
    public async Task Anonymous_people_are_sent_to_sign_in()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync("/themes");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private long? _findingId;

    private async Task EnsureFindingAsync() => _findingId ??= await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 6, 12), Theme.Seen,
        "Children are not seen often enough to understand risk", "SEEN-01", "SEEN-02");
}

/// <summary>The themes page before the first nightly load: findings still show, with a message instead of evidence.</summary>
public sealed class ThemesPageWithoutFiguresTests
{
    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(empty: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task The_page_says_there_are_no_figures_and_still_lists_findings()
    {
        await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 6, 12), Theme.Risk, "Risk is not always identified", "RISK-01");
        using var client = await _host.SignedInAsync(AppRole.Director);
        using var response = await client.GetAsync("/themes");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("There are no figures yet"));
        Assert.That(html, Does.Contain("Risk is not always identified"));
        Assert.That(html, Does.Contain("Their evidence will show after the first nightly load"));
    }
}

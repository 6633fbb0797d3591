using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Packs;

/// <summary>The Packs page and its form against every role, on the tiny council so packs are quick to make.</summary>
public sealed class PacksPageTests
{
    private const string CouncillorTitle = "id=\"pack-councillor\"";
    private const string AnnexATitle = "id=\"pack-annex-a\"";
    private const string MonitoringTitle = "id=\"pack-monitoring\"";
    private const string ChromiumPath = "/usr/bin/chromium";

    private DashboardTestHost _host = null!;
    private readonly Dictionary<AppRole, HttpClient> _clients = [];

    private string Month => $"{_host.AsOf:yyyy-MM}";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        foreach (var role in Enum.GetValues<AppRole>()) _clients[role] = await _host.SignedInAsync(role);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    [TestCase(AppRole.Director, true)]
    [TestCase(AppRole.ImprovementLead, true)]
    [TestCase(AppRole.Analyst, true)]
    [TestCase(AppRole.Manager, false)]
    [TestCase(AppRole.Councillor, false)]
    [TestCase(AppRole.Admin, false)]
    public async Task Every_role_sees_the_packs_it_may_make(AppRole role, bool annexA)
    {
        using var response = await _clients[role].GetAsync("/packs");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1>Packs</h1>"));
        Assert.That(html, Does.Contain(CouncillorTitle));
        Assert.That(html, Does.Contain("action=\"/packs/make\""));
        Assert.That(html, Does.Contain($"<option value=\"{Month}\" selected"), "the latest month is chosen");
        Assert.That(html, Does.Contain("href=\"/packs\""), "the nav links to the page");
        if (annexA)
        {
            Assert.That(html, Does.Contain(AnnexATitle));
            Assert.That(html, Does.Contain(MonitoringTitle));
            Assert.That(html, Does.Contain("class=\"marking\">OFFICIAL-SENSITIVE"));
        }
        else
        {
            Assert.That(html, Does.Not.Contain(AnnexATitle));
            Assert.That(html, Does.Not.Contain(MonitoringTitle), "the monitoring-visit pack names children");
            Assert.That(html, Does.Not.Contain("class=\"marking\">OFFICIAL-SENSITIVE"));
        }
    }

    [Test]
    public async Task A_councillor_downloads_the_councillor_pdf_and_it_is_audited()
    {
        if (!File.Exists(ChromiumPath)) Assert.Ignore($"The PDF needs Debian's chromium at {ChromiumPath}.");
        using var response = await PostAsync(AppRole.Councillor, "councillor", Month, "pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Does.EndWith(".pdf"));
        Assert.That(System.Text.Encoding.ASCII.GetString(body, 0, 4), Is.EqualTo("%PDF"));
        var rows = await AuditAsync(AppRole.Councillor, AuditActions.DownloadPack);
        Assert.That(rows.Any(r => r.Resource == $"councillor {Month} pdf" && r.Outcome == AuditOutcome.Allowed), Is.True);
    }

    [TestCase(AppRole.Director)]
    [TestCase(AppRole.Analyst)]
    public async Task A_role_that_sees_every_child_downloads_annex_a_and_it_is_audited(AppRole role)
    {
        using var response = await PostAsync(role, "annex-a", Month, "xlsx");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, Does.StartWith("annex-a-").And.EndWith(".xlsx"));
        Assert.That(System.Text.Encoding.ASCII.GetString(body, 0, 2), Is.EqualTo("PK"));
        var rows = await AuditAsync(role, AuditActions.DownloadPack);
        Assert.That(rows.Any(r => r.Resource == $"annex-a {Month} xlsx" && r.Outcome == AuditOutcome.Allowed), Is.True);
    }

    [TestCase("pdf", "application/pdf", "%PDF")]
    [TestCase("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    public async Task The_improvement_lead_downloads_the_monitoring_visit_pack_in_either_format(string format, string type, string magic)
    {
        if (format == "pdf" && !File.Exists(ChromiumPath)) Assert.Ignore($"The PDF needs Debian's chromium at {ChromiumPath}.");
        using var response = await PostAsync(AppRole.ImprovementLead, "monitoring", Month, format);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(type));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            Is.EqualTo($"monitoring-{Month}.{format}"));
        Assert.That(System.Text.Encoding.ASCII.GetString(body, 0, magic.Length), Is.EqualTo(magic));
        var rows = await AuditAsync(AppRole.ImprovementLead, AuditActions.DownloadPack);
        Assert.That(rows.Any(r => r.Resource == $"monitoring {Month} {format}" && r.Outcome == AuditOutcome.Allowed), Is.True);
    }

    [TestCase(AppRole.Councillor, "monitoring")]
    [TestCase(AppRole.Manager, "monitoring")]
    public async Task Asking_for_a_child_level_pack_without_the_right_is_refused(AppRole role, string pack)
    {
        using var response = await PostAsync(role, pack, Month, "xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Not.StartWith("PK"));
    }

    [TestCase(AppRole.Councillor)]
    [TestCase(AppRole.Manager)]
    [TestCase(AppRole.Admin)]
    public async Task Asking_for_annex_a_without_the_right_is_refused_and_audited(AppRole role)
    {
        using var response = await PostAsync(role, "annex-a", Month, "xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(body, Does.Not.StartWith("PK"));
        var denied = await AuditAsync(role, AuditActions.Denied);
        Assert.That(denied.Any(r => r.Resource == "/packs/make" && r.Outcome == AuditOutcome.Denied && r.Detail!.Contains("annex-a", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["pack"] = "councillor", ["month"] = Month, ["format"] = "pdf" });
        using var response = await _clients[AppRole.Director].PostAsync("/packs/make", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Someone_not_signed_in_cannot_make_a_pack()
    {
        using var client = _host.Anonymous();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["pack"] = "councillor" });
        using var response = await client.PostAsync("/packs/make", content);
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized));
    }

    [TestCase("annex-a", "2030-01", "xlsx", "month")]
    [TestCase("annex-a", "banana", "xlsx", "month")]
    [TestCase("councillor", "1999-01", "pdf", "month")]
    [TestCase("annex-a", null, "pdf", "format")]
    [TestCase("no-such-pack", null, null, "pack")]
    public async Task A_pack_that_cannot_be_made_goes_back_to_the_page_with_a_clear_message(string pack, string? month, string? format, string code)
    {
        using var response = await PostAsync(AppRole.Director, pack, month, format);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("/packs?").And.Contain($"error={code}"));

        using var page = await _clients[AppRole.Director].GetAsync(location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("The pack could not be made"));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(Services.Packs.PackProblem.Message(code)!)));
        Assert.That(html, Does.Not.Contain("Exception").And.Not.Contain(" at Dashboard."));
    }

    [Test]
    public async Task The_page_shows_no_text_from_its_address()
    {
        using var page = await _clients[AppRole.Director].GetAsync("/packs?error=%3Cb%3Eyou+have+been+hacked&pack=%3Cscript%3E");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Not.Contain("hacked").And.Not.Contain("The pack could not be made"));
    }

    [Test]
    public async Task A_failed_pack_is_audited_with_the_reason()
    {
        using var response = await PostAsync(AppRole.ImprovementLead, "annex-a", "2030-01", "xlsx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var rows = await AuditAsync(AppRole.ImprovementLead, AuditActions.DownloadPack);
        Assert.That(rows.Any(r => r.Resource == "annex-a 2030-01 xlsx" && r.Outcome == AuditOutcome.Failed && !string.IsNullOrEmpty(r.Detail)), Is.True);
    }

    [Test]
    public async Task The_figure_packs_offer_rolling_figures_with_the_councils_default_chosen()
    {
        using var response = await _clients[AppRole.Director].GetAsync("/packs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<select id=\"length-councillor\" name=\"length\""));
            Assert.That(html, Does.Contain("<select id=\"length-monitoring\" name=\"length\""));
            Assert.That(html, Does.Not.Contain("id=\"length-annex-a\""), "Annex A lists children as at a date: no length");
            Assert.That(html, Does.Contain("<option value=\"12\">12 months to the month (rolling)</option>"));
            Assert.That(html, Does.Match("<option value=\"1\" selected[^>]*>The month</option>"), "the council's default (1) is chosen");
        });
    }

    [Test]
    public async Task A_councillor_downloads_a_12_month_pack_under_its_own_name_and_it_is_audited_as_such()
    {
        if (!File.Exists(ChromiumPath)) Assert.Ignore($"The PDF needs Debian's chromium at {ChromiumPath}.");
        using var response = await PostAsync(AppRole.Councillor, "councillor", Month, "pdf", "12");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            Does.EndWith($"councillor-{Month}-12-months.pdf"));
        var rows = await AuditAsync(AppRole.Councillor, AuditActions.DownloadPack);
        Assert.That(rows.Any(r => r.Resource == $"councillor {Month} pdf 12 months" && r.Outcome == AuditOutcome.Allowed), Is.True);
    }

    [TestCase("6", false)]
    [TestCase("12", true)]
    public async Task A_length_that_does_not_fit_goes_back_to_the_page_saying_so(string length, bool earliestMonth)
    {
        using var first = await _clients[AppRole.Director].GetAsync("/packs");
        // The earliest month offered cannot end a 12-month window.
        var earliest = System.Text.RegularExpressions.Regex.Matches(await first.Content.ReadAsStringAsync(), "<option value=\"(\\d{4}-\\d{2})\"")
            .Select(m => m.Groups[1].Value).Min()!;
        using var response = await PostAsync(AppRole.Director, "councillor", earliestMonth ? earliest : Month, "pdf", length);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("error=length"));
    }

    private async Task<HttpResponseMessage> PostAsync(AppRole role, string pack, string? month, string? format, string? length = null)
    {
        var fields = new Dictionary<string, string> { ["pack"] = pack };
        if (month is not null) fields["month"] = month;
        if (format is not null) fields["format"] = format;
        if (length is not null) fields["length"] = length;
        return await DashboardTestHost.PostFormAsync(_clients[role], "/packs", "/packs/make", fields);
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(AppRole role, string action) =>
        (await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery
        {
            UserName = DashboardTestHost.UserNameFor(role), Action = action, Limit = 500,
        })).Rows;
}

using System.Net;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Themes;

/// <summary>Adding, changing and deleting findings through the forms: who may, validation, antiforgery and the audit log.</summary>
public sealed class FindingEditingTests
{
    private static readonly AppRole[] Editors = [AppRole.ImprovementLead, AppRole.Admin];
    private static readonly AppRole[] Others = [AppRole.Director, AppRole.Manager, AppRole.Councillor, AppRole.Analyst];

    private DashboardTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await DashboardTestHost.StartAsync(TestCouncil.Small);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private FindingStore Store => _host.Services.GetRequiredService<FindingStore>();

    private static Dictionary<string, string> Fields(string title, string date = "2025-06-12", string theme = "Seen", string body = "Children are not seen often enough.") =>
        new() { ["LetterDate"] = date, ["Theme"] = theme, ["Title"] = title, ["Body"] = body };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        // Checkboxes repeat one name, which a dictionary cannot hold: the token is fetched as the host does, then posted with the list.
        var html = await client.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))));
        return await client.PostAsync(action, content);
    }

    private static long IdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.Match(@"^/themes\?added=\d+#finding-\d+$"));
        return long.Parse(location[(location.IndexOf('=') + 1)..location.IndexOf('#')], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task An_editor_adds_a_finding_with_linked_indicators_and_sees_it_on_the_page([ValueSource(nameof(Editors))] AppRole role)
    {
        using var client = await _host.SignedInAsync(role);
        var title = $"Visits are not frequent enough ({role})";
        using var response = await PostAsync(client, "/themes/findings/new", "/themes/findings",
            [.. Fields(title), new("IndicatorIds", "SEEN-01"), new("IndicatorIds", "SEEN-02")]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = IdFrom(response);

        var stored = await Store.GetAsync(id);
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Title, Is.EqualTo(title));
        Assert.That(stored.Theme, Is.EqualTo(Theme.Seen));
        Assert.That(stored.LetterDate, Is.EqualTo(new DateOnly(2025, 6, 12)));
        Assert.That(stored.IndicatorIds, Is.EqualTo(new[] { "SEEN-01", "SEEN-02" }));
        Assert.That(stored.CreatedBy, Is.EqualTo(DashboardTestHost.UserNameFor(role)));

        var html = await client.GetStringAsync("/themes");
        Assert.That(html, Does.Contain($"id=\"finding-{id}\""));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(title)));
        await AssertAuditedAsync(role, id, "added");
    }

    [Test]
    public async Task What_is_being_done_is_saved_shown_on_the_card_and_kept_when_the_form_comes_back()
    {
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        const string action = "Managers check every visit due in the next fortnight at a weekly huddle.";
        using var response = await PostAsync(client, "/themes/findings/new", "/themes/findings",
            [.. Fields("Visits with a recorded action"), new("Action", action), new("IndicatorIds", "SEEN-01")]);
        var id = IdFrom(response);
        Assert.That((await Store.GetAsync(id))!.Action, Is.EqualTo(action));
        var page = await client.GetStringAsync("/themes");
        Assert.That(page, Does.Contain(WebUtility.HtmlEncode(action)));

        // A finding without one says so on its card instead of leaving the heading empty.
        var bare = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Risk, "No action yet", "RISK-01");
        var card = await client.GetStringAsync("/themes");
        var start = card.IndexOf($"id=\"finding-{bare}\"", StringComparison.Ordinal);
        Assert.That(card[start..], Does.Contain("Nothing is recorded yet"));

        // Sent back with a problem elsewhere, the action typed is still there.
        using var invalid = await PostAsync(client, "/themes/findings/new", "/themes/findings",
            [.. Fields(""), new("Action", action)]);
        var form = await client.GetStringAsync(invalid.Headers.Location!.ToString());
        Assert.That(form, Does.Contain(WebUtility.HtmlEncode(action)));
    }

    [Test]
    public async Task An_editor_changes_a_finding([ValueSource(nameof(Editors))] AppRole role)
    {
        var id = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Risk, "Before", "RISK-01");
        using var client = await _host.SignedInAsync(role);
        var edit = await client.GetStringAsync($"/themes/findings/{id}/edit");
        Assert.That(edit, Does.Contain("value=\"Before\""));
        Assert.That(edit, Does.Contain("id=\"ind-RISK-01\" name=\"IndicatorIds\" value=\"RISK-01\" checked"));

        using var response = await PostAsync(client, $"/themes/findings/{id}/edit", $"/themes/findings/{id}",
            [.. Fields("After", date: "2025-02-11", theme: "Oversight"), new("IndicatorIds", "OVERSIGHT-01")]);
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/themes?changed={id}#finding-{id}"));
        var stored = await Store.GetAsync(id);
        Assert.That((stored!.Title, stored.Theme, stored.LetterDate), Is.EqualTo(("After", Theme.Oversight, new DateOnly(2025, 2, 11))));
        Assert.That(stored.IndicatorIds, Is.EqualTo(new[] { "OVERSIGHT-01" }));
        Assert.That(await client.GetStringAsync("/themes"), Does.Contain("After"));
        await AssertAuditedAsync(role, id, "changed");
    }

    [Test]
    public async Task An_editor_deletes_a_finding_after_a_confirm_page([ValueSource(nameof(Editors))] AppRole role)
    {
        var id = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Care, $"To delete ({role})", "CARE-01");
        using var client = await _host.SignedInAsync(role);
        var confirm = await client.GetStringAsync($"/themes/findings/{id}/confirm-delete");
        Assert.That(confirm, Does.Contain("Delete this finding"));
        using var response = await DashboardTestHost.PostFormAsync(client, $"/themes/findings/{id}/confirm-delete", $"/themes/findings/{id}/delete",
            new Dictionary<string, string> { ["Confirm"] = "yes" });
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/themes?deleted=1"));
        Assert.That(await Store.GetAsync(id), Is.Null);
        Assert.That(await client.GetStringAsync("/themes"), Does.Not.Contain($"id=\"finding-{id}\""));
        await AssertAuditedAsync(role, id, "deleted");
    }

    [Test]
    public async Task A_finding_that_does_not_exist_is_not_found()
    {
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using var edit = await client.GetAsync("/themes/findings/987654/edit");
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var update = await DashboardTestHost.PostFormAsync(client, "/themes/findings/new", "/themes/findings/987654", Fields("x"));
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var delete = await DashboardTestHost.PostFormAsync(client, "/themes/findings/new", "/themes/findings/987654/delete", new Dictionary<string, string>());
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Other_roles_are_refused_the_form_pages([ValueSource(nameof(Others))] AppRole role)
    {
        var id = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Plans, "Not theirs", "PLANS-01");
        using var client = await _host.SignedInAsync(role);
        foreach (var url in new[] { "/themes/findings/new", $"/themes/findings/{id}/edit", $"/themes/findings/{id}/confirm-delete" })
        {
            using var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("cannot add or change findings"), url);
        }
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(role), Action = "denied" });
        Assert.That(audit.Rows.Any(r => r.Resource == "/themes/findings/new"), Is.True, "a refusal is audited");
    }

    [Test]
    public async Task Other_roles_are_refused_the_posts_and_nothing_changes([ValueSource(nameof(Others))] AppRole role)
    {
        var id = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Plans, "Stays as it is", "PLANS-01");
        var before = (await Store.ListAsync()).Count;
        using var client = await _host.SignedInAsync(role);
        using var create = await DashboardTestHost.PostFormAsync(client, "/themes", "/themes/findings", Fields("Sneaked in"));
        using var update = await DashboardTestHost.PostFormAsync(client, "/themes", $"/themes/findings/{id}", Fields("Changed"));
        using var delete = await DashboardTestHost.PostFormAsync(client, "/themes", $"/themes/findings/{id}/delete", new Dictionary<string, string>());
        Assert.That(new[] { create.StatusCode, update.StatusCode, delete.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Store.ListAsync()).Count, Is.EqualTo(before));
        Assert.That((await Store.GetAsync(id))!.Title, Is.EqualTo("Stays as it is"));
    }

    [Test]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var before = (await Store.ListAsync()).Count;
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using var content = new FormUrlEncodedContent(Fields("No token"));
        using var response = await client.PostAsync("/themes/findings", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Store.ListAsync()).Count, Is.EqualTo(before));
    }

    [TestCase("", "2025-06-12", "Seen", "title", TestName = "An empty title is refused")]
    [TestCase("A title", "", "Seen", "date", TestName = "A missing letter date is refused")]
    [TestCase("A title", "12/06/2025", "Seen", "date", TestName = "A letter date not in yyyy-MM-dd is refused")]
    [TestCase("A title", "2025-06-12", "", "theme", TestName = "A missing theme is refused")]
    [TestCase("A title", "2025-06-12", "Weather", "theme", TestName = "An unknown theme is refused")]
    [TestCase("A title", "1999-12-31", "Seen", "date-early", TestName = "A letter before 2000 is refused")]
    public async Task Validation_sends_the_form_back_with_the_problem(string title, string date, string theme, string error)
    {
        var before = (await Store.ListAsync()).Count;
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using var response = await PostAsync(client, "/themes/findings/new", "/themes/findings", Fields(title, date, theme));
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("/themes/findings/new?"));
        Assert.That(location, Does.Contain($"error={error}&").Or.EndsWith($"error={error}"));
        Assert.That((await Store.ListAsync()).Count, Is.EqualTo(before));

        var form = await client.GetStringAsync(location);
        Assert.That(form, Does.Contain("There is a problem"));
        Assert.That(form, Does.Contain("<title>Error: Add a finding – Inspection Ready</title>"));
    }

    [Test]
    public async Task A_letter_dated_after_today_is_refused_and_what_was_typed_is_kept()
    {
        var tomorrow = DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using var response = await PostAsync(client, "/themes/findings/new", "/themes/findings",
            [.. Fields("From the future", date: tomorrow), new("IndicatorIds", "RISK-01")]);
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.Contain("error=date-future"));
        var form = await client.GetStringAsync(location);
        Assert.That(form, Does.Contain("The date of the letter must be today or in the past"));
        Assert.That(form, Does.Contain("href=\"#letter-date\""), "the summary links to the field");
        Assert.That(form, Does.Contain("value=\"From the future\""));
        Assert.That(form, Does.Contain("id=\"ind-RISK-01\" name=\"IndicatorIds\" value=\"RISK-01\" checked"));
    }

    [Test]
    public async Task An_unknown_indicator_is_refused()
    {
        var before = (await Store.ListAsync()).Count;
        using var client = await _host.SignedInAsync(AppRole.Admin);
        using var response = await PostAsync(client, "/themes/findings/new", "/themes/findings",
            [.. Fields("Linked to nothing real"), new("IndicatorIds", "SEEN-01"), new("IndicatorIds", "NOPE-99")]);
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("error=indicators"));
        Assert.That((await Store.ListAsync()).Count, Is.EqualTo(before));
        var form = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.That(form, Does.Contain("one of those sent is not in the catalogue"));
    }

    [Test]
    public async Task A_failed_change_goes_back_to_the_edit_form_and_stores_nothing()
    {
        var id = await ThemesTestSupport.AddFindingAsync(_host, new DateOnly(2025, 1, 10), Theme.Risk, "Unchanged", "RISK-01");
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using var response = await PostAsync(client, $"/themes/findings/{id}/edit", $"/themes/findings/{id}", Fields(" "));
        Assert.That(response.Headers.Location!.ToString(), Does.StartWith($"/themes/findings/{id}/edit?error=title"));
        Assert.That((await Store.GetAsync(id))!.Title, Is.EqualTo("Unchanged"));
    }

    private async Task AssertAuditedAsync(AppRole role, long id, string what)
    {
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(
            new AuditQuery { UserName = DashboardTestHost.UserNameFor(role), Action = "edit-finding" });
        Assert.That(audit.Rows.Any(r => r.Resource == $"/themes/findings/{id}" && r.Outcome == AuditOutcome.Allowed
            && r.Detail!.Contains(what, StringComparison.Ordinal)), Is.True, $"an edit-finding row for finding {id} ({what})");
    }
}

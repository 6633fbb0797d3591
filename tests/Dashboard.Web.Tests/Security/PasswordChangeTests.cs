using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>Changing one's own password, and being made to when an administrator set it.</summary>
public sealed class PasswordChangeTests
{
    private const string Page = "/account/password";
    private const string NewPassword = "a brand new passphrase for testing";

    private DashboardTestHost _host = null!;

    [SetUp]
    public async Task StartAsync() =>
        // Each test posts several forms; the sign-in rate limit (which the change shares) is not under test here.
        _host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, settings: new Dictionary<string, string> { ["Dashboard:Web:SignInsPerMinute"] = "100" });

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string> Change(string current, string replacement, string? confirmation = null) => new()
    {
        ["CurrentPassword"] = current, ["NewPassword"] = replacement, ["ConfirmPassword"] = confirmation ?? replacement,
    };

    private async Task<HttpStatusCode> SignInStatusAsync(AppRole role, string password)
    {
        using var client = _host.Anonymous();
        using var response = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin",
            new Dictionary<string, string> { ["UserName"] = DashboardTestHost.UserNameFor(role), ["Password"] = password, ["ReturnUrl"] = "/" });
        return response.Headers.Location?.ToString() == "/" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
    }

    [Test]
    public async Task The_page_is_linked_from_every_page_and_changes_the_password()
    {
        using var client = await _host.SignedInAsync(AppRole.Director);
        var overview = await client.GetStringAsync("/");
        Assert.That(overview, Does.Contain("href=\"/account/password\""));
        using var response = await DashboardTestHost.PostFormAsync(client, Page, Page, Change(DashboardTestHost.Password, NewPassword));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo(Page + "?done=1"));
        Assert.That(await client.GetStringAsync(Page + "?done=1"), Does.Contain("Your password has been changed"));
        Assert.That(await SignInStatusAsync(AppRole.Director, NewPassword), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SignInStatusAsync(AppRole.Director, DashboardTestHost.Password), Is.EqualTo(HttpStatusCode.Unauthorized), "the old one no longer works");
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery { Action = AuditActions.ChangePassword, Limit = 5 });
        Assert.That(audit.Rows.Single().Outcome, Is.EqualTo(AuditOutcome.Allowed));
        Assert.That(audit.Rows.Single().Detail ?? "", Does.Not.Contain(NewPassword));
    }

    [TestCase("wrong current password", NewPassword, null, "wrong-current", "The current password is not right")]
    [TestCase(DashboardTestHost.Password, NewPassword, "a different second copy", "mismatch", "The two new passwords are not the same")]
    [TestCase(DashboardTestHost.Password, "short", null, "too-short", "at least 12 characters")]
    [TestCase(DashboardTestHost.Password, DashboardTestHost.Password, null, "same", "the same as the current one")]
    public async Task A_refused_change_says_why_and_keeps_the_old_password(string current, string replacement, string? confirmation, string code,
        string sentence)
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        using var response = await DashboardTestHost.PostFormAsync(client, Page, Page, Change(current, replacement, confirmation));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Page}?error={code}"));
        Assert.That(await client.GetStringAsync($"{Page}?error={code}"), Does.Contain(sentence));
        Assert.That(await SignInStatusAsync(AppRole.Analyst, DashboardTestHost.Password), Is.EqualTo(HttpStatusCode.OK));
        var audit = await _host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery { Action = AuditActions.ChangePassword, Limit = 5 });
        Assert.That(audit.Rows.Single().Outcome, Is.EqualTo(AuditOutcome.Failed));
        Assert.That(audit.Rows.Single().Detail, Is.EqualTo(code));
    }

    [Test]
    public async Task Wrong_current_passwords_count_towards_the_lockout()
    {
        using var client = await _host.SignedInAsync(AppRole.Analyst);
        string? last = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await DashboardTestHost.PostFormAsync(client, Page, Page, Change("guess " + i, NewPassword));
            last = response.Headers.Location!.ToString();
        }
        Assert.That(last, Is.EqualTo(Page + "?error=locked"));
        Assert.That(await SignInStatusAsync(AppRole.Analyst, DashboardTestHost.Password), Is.EqualTo(HttpStatusCode.Unauthorized), "locked");
    }

    [Test]
    public async Task A_password_set_by_an_administrator_must_be_changed_before_anything_else()
    {
        var name = DashboardTestHost.UserNameFor(AppRole.ImprovementLead);
        var store = _host.Services.GetRequiredService<UserStore>();
        await store.SetPasswordAsync(name, PasswordRules.Hash(DashboardTestHost.Password), mustChange: true);
        using var client = await _host.SignedInAsync(AppRole.ImprovementLead);
        using (var overview = await client.GetAsync("/"))
        {
            Assert.That(overview.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(overview.Headers.Location!.ToString(), Is.EqualTo(Page + "?required=1"));
        }
        using (var pack = await client.PostAsync("/packs/make", new FormUrlEncodedContent(new Dictionary<string, string> { ["pack"] = "councillor" })))
        {
            Assert.That(pack.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "no pack before the password is changed");
        }
        Assert.That(await client.GetStringAsync(Page + "?required=1"), Does.Contain("Choose your own before you go on"));
        using var changed = await DashboardTestHost.PostFormAsync(client, Page, Page, Change(DashboardTestHost.Password, NewPassword));
        Assert.That(changed.Headers.Location!.ToString(), Is.EqualTo(Page + "?done=1"));
        using var after = await client.GetAsync("/");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the requirement lifts with the change, in the same session");
        Assert.That((await store.FindAsync(name))!.PasswordMustChange, Is.False);
    }
}

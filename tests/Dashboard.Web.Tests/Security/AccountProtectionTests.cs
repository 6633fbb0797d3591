using System.Net;
using Dashboard.Data.App;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>Lockout, disabling, and the sign-in rate limit.</summary>
public sealed class AccountProtectionTests
{
    private static Dictionary<string, string> SignIn(string userName, string password) =>
        new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/" };

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var name = DashboardTestHost.UserNameFor(AppRole.Manager);
        using var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin", SignIn(name, "wrong " + i));
            Assert.That(wrong.Headers.Location!.ToString(), Does.StartWith("/signin?failed=1"));
        }
        using var right = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin", SignIn(name, DashboardTestHost.Password));
        Assert.That(right.Headers.Location!.ToString(), Does.StartWith("/signin?failed=1"), "a locked account stays locked");

        host.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin", SignIn(name, DashboardTestHost.Password));
        Assert.That(later.Headers.Location!.ToString(), Is.EqualTo("/"), "the lock lasts 15 minutes");

        var audit = await host.Services.GetRequiredService<AuditLog>().RecentAsync(new AuditQuery { UserName = name, Limit = 20 });
        Assert.That(audit.Rows.Select(r => r.Detail), Does.Contain("wrong password; account now locked"));
        Assert.That(audit.Rows.Any(r => r.Detail?.StartsWith("account locked until", StringComparison.Ordinal) == true), Is.True);
    }

    [Test]
    public async Task Disabling_an_account_ends_its_session_at_the_next_request()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        using var client = await host.SignedInAsync(AppRole.Analyst);
        using (var before = await client.GetAsync("/not-a-page"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "signed in: the 404 page, not a redirect");
        }
        await host.Services.GetRequiredService<UserStore>().SetDisabledAsync(DashboardTestHost.UserNameFor(AppRole.Analyst), true);
        using var after = await client.GetAsync("/data-quality");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location!.ToString(), Does.Contain("/signin"));
    }

    [Test]
    public async Task Sign_in_attempts_beyond_the_rate_limit_get_429()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, settings: new Dictionary<string, string> { ["Dashboard:Web:SignInsPerMinute"] = "3" });
        using var client = host.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await DashboardTestHost.PostFormAsync(client, "/signin", "/signin", SignIn("nobody", "x"));
            codes.Add(response.StatusCode);
        }
        Assert.That(codes.Take(3), Is.All.EqualTo(HttpStatusCode.Redirect));
        Assert.That(codes.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }
}

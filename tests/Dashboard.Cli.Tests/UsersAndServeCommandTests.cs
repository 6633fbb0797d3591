using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Dashboard.Cli.Tests;

/// <summary>`dashboard users ...` against a loaded Scilly warehouse, the demo's accounts, and `dashboard serve`.</summary>
public sealed partial class UsersAndServeCommandTests
{
    private CliHarness _cli = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        _cli = new CliHarness();
        var demo = await _cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        Assert.That(demo.ExitCode, Is.Zero, demo.ToString());
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli.Dispose();

    [Test]
    public async Task The_demo_makes_one_account_per_role_and_prints_each_password_once()
    {
        var list = await _cli.RunAsync("users", "list");
        foreach (var role in new[] { "director", "improvementlead", "manager", "councillor", "analyst", "admin" })
        {
            Assert.That(list.Output, Does.Contain("demo." + role));
        }
        Assert.That(list.Output, Does.Not.Match("[a-zA-Z0-9]{16}\\s*│\\s*(everything|their|aggregates|accounts)"), "list never shows passwords");
    }

    [Test]
    public async Task Add_prints_a_password_that_signs_in_and_list_shows_the_account()
    {
        var add = await _cli.RunAsync("users", "add", "Pat.Lead", "--role", "ImprovementLead", "--display-name", "Pat Lead");
        Assert.That(add.ExitCode, Is.Zero, add.ToString());
        var password = PasswordShown().Match(add.Output);
        Assert.That(password.Success, Is.True, add.Output);
        var list = await _cli.RunAsync("users", "list");
        Assert.That(list.Output, Does.Contain("pat.lead").And.Contain("Improvement lead").And.Contain("active"));
        Assert.That(list.Output, Does.Not.Contain(password.Groups[1].Value));
        Assert.That(add.Output, Does.Contain("asked to choose their own password"));
        var stored = await new Dashboard.Data.App.UserStore(Dashboard.Data.Warehouse.Connect(
            new Dashboard.Data.DatabaseTarget(Dashboard.Data.DatabaseProvider.Sqlite, _cli.WarehousePath))).FindAsync("pat.lead");
        Assert.That(stored!.PasswordMustChange, Is.True, "the administrator's one-time password must not last");
        Assert.That(Dashboard.Web.Security.PasswordRules.Verify(stored.PasswordHash, password.Groups[1].Value),
            Is.Not.EqualTo(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed), "the printed password is the account's");
    }

    [Test]
    public async Task A_duplicate_name_is_refused_in_one_sentence()
    {
        await _cli.RunAsync("users", "add", "sam.once", "--role", "Analyst");
        var again = await _cli.RunAsync("users", "add", "SAM.ONCE", "--role", "Analyst");
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Error.Trim(), Is.EqualTo("A user named sam.once already exists."));
    }

    [Test]
    public async Task A_manager_needs_a_team_the_warehouse_knows()
    {
        var none = await _cli.RunAsync("users", "add", "mo.manager", "--role", "Manager");
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Error, Does.Contain("at least one --team"));
        var unknown = await _cli.RunAsync("users", "add", "mo.manager", "--role", "Manager", "--team", "NO-SUCH-TEAM");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("NO-SUCH-TEAM"));
    }

    [Test]
    public async Task Disable_enable_and_reset_change_the_account()
    {
        await _cli.RunAsync("users", "add", "dee.director", "--role", "Director");
        var disable = await _cli.RunAsync("users", "disable", "dee.director");
        Assert.That(disable.ExitCode, Is.Zero, disable.ToString());
        Assert.That((await _cli.RunAsync("users", "list")).Output, Does.Match("dee\\.director.*disabled"));
        await _cli.RunAsync("users", "enable", "dee.director");
        Assert.That((await _cli.RunAsync("users", "list")).Output, Does.Match("dee\\.director.*active"));
        var reset = await _cli.RunAsync("users", "reset", "dee.director");
        Assert.That(reset.ExitCode, Is.Zero);
        Assert.That(reset.Output, Does.Match("New password for dee.director, shown once: [A-Za-z0-9]{16}"));
    }

    [Test]
    public async Task Naming_a_user_who_does_not_exist_is_one_sentence()
    {
        var result = await _cli.RunAsync("users", "disable", "nobody.here");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Is.EqualTo("No user named nobody.here."));
    }

    [Test]
    public async Task Serve_answers_on_the_address_it_was_given_until_cancelled()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var serving = _cli.RunAsync(stop.Token, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        HttpStatusCode? status = null;
        for (var i = 0; i < 120 && status is null && !serving.IsCompleted; i++)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/signin");
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        await stop.CancelAsync();
        var result = await serving;
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        Assert.That(result.Output, Does.Contain($"The dashboard is at http://127.0.0.1:{port}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("Password, shown once: ([A-Za-z0-9]{16})")]
    private static partial Regex PasswordShown();
}

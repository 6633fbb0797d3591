using System.Security.Claims;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Security.SignIn;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// An open circuit sends no request for the cookie check to see, so it is re-checked on its own: a disabled account, or
/// one whose teams changed, stops standing, and the circuit's person is signed out at the next revalidation.
/// </summary>
public sealed class CircuitSessionRevalidationTests
{
    private static async Task<(DashboardTestHost Host, CircuitSessionRevalidation Revalidation, UserStore Users)> StartAsync(
        Dictionary<string, string>? settings = null)
    {
        var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly, settings: settings);
        var revalidation = (CircuitSessionRevalidation)host.Services.CreateScope().ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return (host, revalidation, host.Services.GetRequiredService<UserStore>());
    }

    private static async Task<AuthenticationState> SignedInAsync(UserStore users, AppRole role, string scheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        var user = await users.FindAsync(DashboardTestHost.UserNameFor(role));
        return new AuthenticationState(LocalAccounts.PrincipalFor(user!, scheme));
    }

    [Test]
    public async Task The_circuits_provider_is_the_revalidating_one_and_a_session_as_it_was_stands()
    {
        var (host, revalidation, users) = await StartAsync();
        await using var _ = host;

        Assert.That(await revalidation.StillStandsAsync(await SignedInAsync(users, AppRole.Manager), CancellationToken.None), Is.True);
        Assert.That(await revalidation.StillStandsAsync(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())), CancellationToken.None),
            Is.False, "nobody signed in: nothing stands");
    }

    [Test]
    public async Task Disabling_the_account_ends_an_open_circuits_session()
    {
        var (host, revalidation, users) = await StartAsync();
        await using var _ = host;
        var state = await SignedInAsync(users, AppRole.Analyst);

        await users.SetDisabledAsync(DashboardTestHost.UserNameFor(AppRole.Analyst), true);

        Assert.That(await revalidation.StillStandsAsync(state, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_manager_whose_teams_changed_is_signed_out_of_the_circuit_to_reload_with_the_new_teams()
    {
        var (host, revalidation, users) = await StartAsync();
        await using var _ = host;
        var name = DashboardTestHost.UserNameFor(AppRole.Manager);
        var state = await SignedInAsync(users, AppRole.Manager);

        await users.SetTeamsAsync(name, ["a-team-they-did-not-manage-before"]);

        Assert.That(await revalidation.StillStandsAsync(state, CancellationToken.None), Is.False);
        Assert.That(await revalidation.StillStandsAsync(await SignedInAsync(users, AppRole.Manager), CancellationToken.None), Is.True,
            "after a reload the new teams stand");
    }

    [Test]
    public async Task Switching_local_accounts_off_ends_a_password_session_but_not_one_from_the_councils_proxy()
    {
        var (host, revalidation, users) = await StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:SignIn:LocalAccounts:Enabled"] = "false",
            ["Dashboard:Web:TrustedHeader:Enabled"] = "true",
            ["Dashboard:Web:Proxies"] = "127.0.0.1",
        });
        await using var _ = host;

        Assert.That(await revalidation.StillStandsAsync(await SignedInAsync(users, AppRole.Director), CancellationToken.None), Is.False);
        Assert.That(await revalidation.StillStandsAsync(await SignedInAsync(users, AppRole.Director, TrustedHeaderAuthentication.SchemeName), CancellationToken.None),
            Is.True);
    }
}

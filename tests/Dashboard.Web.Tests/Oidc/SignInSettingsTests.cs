using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Web.Security;
using Dashboard.Web.Security.SignIn;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Oidc;

/// <summary>The sign-in settings: every mistake stops start-up with a sentence naming the setting, and never shows the secret.</summary>
public sealed class SignInSettingsTests
{
    private const string Secret = "do-not-print-7Hq2";

    private static Dictionary<string, string?> Complete() => new()
    {
        ["Dashboard:SignIn:OpenIdConnect:Authority"] = "https://login.microsoftonline.com/0000-tenant/v2.0",
        ["Dashboard:SignIn:OpenIdConnect:ClientId"] = "11111111-2222-3333-4444-555555555555",
        ["Dashboard:SignIn:OpenIdConnect:ClientSecret"] = Secret,
        ["Dashboard:SignIn:OpenIdConnect:Groups:0:Id"] = "aaaa-director",
        ["Dashboard:SignIn:OpenIdConnect:Groups:0:Role"] = "Director",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Id"] = "bbbb-west",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Role"] = "manager",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Teams"] = "T01, T02",
    };

    private static SignInSettings Read(Dictionary<string, string?> values, bool trustedHeader = false) =>
        SignInSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), trustedHeader);

    private static string Problem(Dictionary<string, string?> values) =>
        Assert.Throws<InvalidWebSettingException>(() => Read(values))!.Message;

    [Test]
    public void Nothing_configured_means_local_accounts_only()
    {
        var settings = Read([]);
        Assert.That((settings.LocalAccountsEnabled, settings.Provider), Is.EqualTo((true, (ProviderSettings?)null)));
    }

    [Test]
    public void A_complete_provider_is_read_with_its_groups()
    {
        var provider = Read(Complete()).Provider!;
        Assert.That(provider.Groups, Has.Count.EqualTo(2));
        Assert.That(provider.Groups[1], Is.EqualTo(provider.Groups[1] with { Role = AppRole.Manager }));
        Assert.That(provider.Groups[1].Teams, Is.EqualTo(new[] { "T01", "T02" }));
        Assert.That(provider.Origin, Is.EqualTo("https://login.microsoftonline.com"));
        Assert.That(provider.ToString(), Does.Not.Contain(Secret));
    }

    [TestCase("Authority")]
    [TestCase("ClientId")]
    [TestCase("ClientSecret")]
    public void A_missing_setting_is_named(string key)
    {
        var values = Complete();
        values.Remove("Dashboard:SignIn:OpenIdConnect:" + key);
        Assert.That(Problem(values), Does.Contain($"Dashboard:SignIn:OpenIdConnect:{key} is not set").And.Not.Contain(Secret));
    }

    [Test]
    public void The_secret_can_come_from_the_environment_and_its_message_says_how()
    {
        var values = Complete();
        values.Remove("Dashboard:SignIn:OpenIdConnect:ClientSecret");
        Assert.That(Problem(values), Does.Contain("Dashboard__SignIn__OpenIdConnect__ClientSecret"));
    }

    [Test]
    public void Plain_http_is_refused_unless_the_provider_is_on_this_machine()
    {
        var values = Complete();
        values["Dashboard:SignIn:OpenIdConnect:Authority"] = "http://idp.testshire.example/";
        Assert.That(Problem(values), Does.Contain("must be reached over https").And.Not.Contain(Secret));
        values["Dashboard:SignIn:OpenIdConnect:Authority"] = "http://127.0.0.1:5999/";
        Assert.That(Read(values).Provider!.IsLoopback, Is.True);
    }

    [TestCase("Role", "Chief", "Groups:0:Role is 'Chief', which is not a role")]
    [TestCase("Teams", "T09", "Groups:0:Teams is set for the role Director")]
    [TestCase("Id", "", "Groups:0:Id is not set")]
    public void A_bad_group_mapping_is_named(string key, string value, string expected)
    {
        var values = Complete();
        values["Dashboard:SignIn:OpenIdConnect:Groups:0:" + key] = value;
        Assert.That(Problem(values), Does.Contain(expected));
    }

    [Test]
    public void A_manager_group_without_teams_or_no_groups_at_all_is_refused()
    {
        var values = Complete();
        values.Remove("Dashboard:SignIn:OpenIdConnect:Groups:1:Teams");
        Assert.That(Problem(values), Does.Contain("Groups:1:Teams is empty"));
        foreach (var key in values.Keys.Where(k => k.Contains(":Groups:", StringComparison.Ordinal)).ToList()) values.Remove(key);
        Assert.That(Problem(values), Does.Contain("Groups lists no group"));
    }

    [Test]
    public void Local_accounts_cannot_be_switched_off_with_no_other_way_in()
    {
        Dictionary<string, string?> values = new() { ["Dashboard:SignIn:LocalAccounts:Enabled"] = "false" };
        Assert.That(Problem(values), Does.Contain("Dashboard:SignIn:LocalAccounts:Enabled is false"));
        Assert.That(Read(values, trustedHeader: true).LocalAccountsEnabled, Is.False, "the council's proxy signs people in");
    }

    [Test]
    public void Enabled_false_keeps_the_settings_but_turns_the_provider_off()
    {
        var values = Complete();
        values["Dashboard:SignIn:OpenIdConnect:Enabled"] = "false";
        Assert.That(Read(values).Provider, Is.Null);
    }

    [Test]
    public void The_dashboard_will_not_start_without_the_authority_and_says_which_setting()
    {
        var values = Complete();
        values.Remove("Dashboard:SignIn:OpenIdConnect:Authority");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new DashboardWebOptions(new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(Path.GetTempPath(), "none.db")),
            Path.GetTempPath(), IndicatorSettings.Default);
        var problem = Assert.Throws<InvalidWebSettingException>(() => DashboardWebApp.Create([], options, configuration))!;
        Assert.That(problem.Message, Does.StartWith("Dashboard:SignIn:OpenIdConnect:Authority is not set"));
    }
}

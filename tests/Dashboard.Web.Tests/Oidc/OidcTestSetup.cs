namespace Dashboard.Web.Tests.Oidc;

/// <summary>
/// The dashboard's settings for the tests' identity provider, and the people the provider knows: a director, a team
/// manager, someone in no group the dashboard maps, and someone whose groups give two roles no one role covers.
/// </summary>
internal static class OidcTestSetup
{
    public const string DisplayName = "Testshire Council account";
    public const string AccessContact = "the performance team (performance@testshire.example)";

    public static readonly TestPerson Director = new("alice@testshire.example", "Alice Director", ["grp-director", "grp-all-staff"]);
    public static readonly TestPerson Manager = new("mo@testshire.example", "Mo Manager", ["grp-cp-west", "grp-all-staff"]);
    public static readonly TestPerson Unmapped = new("nina@testshire.example", "Nina Newstarter", ["grp-all-staff"]);
    public static readonly TestPerson AdminAndDirector = new("ava@testshire.example", "Ava Both", ["grp-director", "grp-it-admins"]);

    public static void AddPeople(TestIdentityProvider provider)
    {
        foreach (var person in new[] { Director, Manager, Unmapped, AdminAndDirector }) provider.People[person.UserName] = person;
    }

    public static Dictionary<string, string> Settings(TestIdentityProvider provider, string managerTeamId, bool localAccounts = true) => new()
    {
        ["Dashboard:SignIn:OpenIdConnect:Authority"] = provider.Authority,
        ["Dashboard:SignIn:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
        ["Dashboard:SignIn:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Dashboard:SignIn:OpenIdConnect:DisplayName"] = DisplayName,
        ["Dashboard:SignIn:OpenIdConnect:Groups:0:Id"] = "grp-director",
        ["Dashboard:SignIn:OpenIdConnect:Groups:0:Role"] = "Director",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Id"] = "grp-cp-west",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Role"] = "Manager",
        ["Dashboard:SignIn:OpenIdConnect:Groups:1:Teams:0"] = managerTeamId,
        ["Dashboard:SignIn:OpenIdConnect:Groups:2:Id"] = "grp-it-admins",
        ["Dashboard:SignIn:OpenIdConnect:Groups:2:Role"] = "Admin",
        ["Dashboard:SignIn:AccessContact"] = AccessContact,
        ["Dashboard:SignIn:LocalAccounts:Enabled"] = localAccounts ? "true" : "false",
    };
}

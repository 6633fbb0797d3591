using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Support;

/// <summary>A host's own copy of a loaded test council, with one account per role (the Manager manages one team).</summary>
internal static class TestCouncilSetup
{
    public const string Password = "correct horse battery staple";

    public static string UserNameFor(AppRole role) => "test." + role.ToString().ToLowerInvariant();

    public static async Task<(string Folder, DatabaseTarget Target, string ManagerTeamId, string OtherTeamId)> PrepareAsync(TestCouncil council, bool empty)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-web-host-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var path = empty ? await TestWarehouses.EmptyAsync(folder) : await TestWarehouses.CopyAsync(council, folder);
        var target = new DatabaseTarget(DatabaseProvider.Sqlite, path);
        var connections = Warehouse.Connect(target);
        await WarehouseSetup.PrepareAsync(connections);

        var teams = await new IndicatorQueries(connections).TeamsAsync();
        var manager = teams.FirstOrDefault(t => t.Name == "Child Protection West");
        if (manager == default) manager = teams.Count > 0 ? teams[0] : ("T-NONE", "No team");
        var other = teams.FirstOrDefault(t => t.Id != manager.Id);
        if (other == default) other = ("T-OTHER", "Another team");

        var users = new UserStore(connections);
        foreach (var role in Enum.GetValues<AppRole>())
        {
            await users.AddAsync(new NewUser(UserNameFor(role), $"Test {role.Describe().ToLowerInvariant()}", role, PasswordRules.Hash(Password), false,
                role == AppRole.Manager ? [manager.Id] : null));
        }
        return (folder, target, manager.Id, other.Id);
    }
}

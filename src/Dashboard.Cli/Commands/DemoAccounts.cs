using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;

namespace Dashboard.Cli.Commands;

/// <summary>
/// One account per role for the demo, with fresh passwords each time the demo starts (printed once). The demo
/// Manager manages the team with the planted late visits, so their view has something to act on.
/// </summary>
internal static class DemoAccounts
{
    public const string ManagerTeamName = "Child Protection West";

    public static async Task<IReadOnlyList<(string UserName, AppRole Role, string Password, string Teams)>> CreateAsync(
        IConnectionFactory connections, TimeProvider time, CancellationToken ct)
    {
        var store = new UserStore(connections, time);
        var teams = await new IndicatorQueries(connections).TeamsAsync(ct);
        var managerTeam = teams.FirstOrDefault(t => t.Name == ManagerTeamName);
        if (managerTeam == default && teams.Count > 0) managerTeam = teams[0];
        var created = new List<(string, AppRole, string, string)>();
        foreach (var role in Enum.GetValues<AppRole>())
        {
            var userName = "demo." + role.ToString().ToLowerInvariant();
            var password = PasswordRules.Generate();
            string[] teamIds = role == AppRole.Manager && managerTeam != default ? [managerTeam.Id] : [];
            if (await store.FindAsync(userName, ct) is null)
            {
                await store.AddAsync(new NewUser(userName, $"Demo {role.Describe().ToLowerInvariant()}", role, PasswordRules.Hash(password), false, teamIds), ct);
            }
            else
            {
                await store.SetPasswordAsync(userName, PasswordRules.Hash(password), false, ct);
                await store.SetDisabledAsync(userName, false, ct);
                await store.SetTeamsAsync(userName, teamIds, ct);
            }
            created.Add((userName, role, password, teamIds.Length == 0 ? "" : managerTeam.Name));
        }
        return created;
    }
}

using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Indicators;
using Dashboard.Web.Security;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard users add|list|disable|enable|reset</c>: local accounts for the dashboard. Passwords are generated
/// and printed once (never stored in clear, never logged); a person's teams decide what a Manager sees.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("users", "Manage the dashboard's local accounts.");
        command.Subcommands.Add(Add(env));
        command.Subcommands.Add(List(env));
        command.Subcommands.Add(SetDisabled(env, "disable", true, "Stop an account signing in (its history stays in the audit log)."));
        command.Subcommands.Add(SetDisabled(env, "enable", false, "Let a disabled account sign in again."));
        command.Subcommands.Add(Reset(env));
        return command;
    }

    private static Command Add(CliEnvironment env)
    {
        var name = new Argument<string>("user-name") { Description = "The name they sign in with (case does not matter)." };
        var role = new Option<string>("--role") { Description = "Director, ImprovementLead, Manager, Councillor, Analyst or Admin.", Required = true };
        role.AcceptOnlyFromAmong(Enum.GetNames<AppRole>());
        var display = new Option<string?>("--display-name") { Description = "The name shown on screen (default: the user name)." };
        var teams = new Option<string[]>("--team") { Description = "A team id a Manager manages (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Create an account; its password is printed once.") { name, role, display, teams };
        command.SetAction(async (parse, ct) =>
        {
            var store = await StoreAsync(env, ct);
            var roleValue = Roles.Parse(parse.GetValue(role)!);
            var teamIds = await CheckTeamsAsync(env, parse.GetValue(teams) ?? [], roleValue, ct);
            var password = PasswordRules.Generate();
            var userName = UserStore.NormaliseName(parse.GetValue(name)!);
            await store.AddAsync(new NewUser(userName, parse.GetValue(display) ?? userName, roleValue, PasswordRules.Hash(password), true, teamIds), ct);
            env.Out.MarkupLine($"Created [bold]{Markup.Escape(userName)}[/] ({Markup.Escape(roleValue.Describe())}). Password, shown once: [bold]{password}[/]");
            env.Out.WriteLine("They will be asked to choose their own password when they first sign in.");
            return 0;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var command = new Command("list", "List the accounts, their roles, teams and state.");
        command.SetAction(async (parse, ct) =>
        {
            var store = await StoreAsync(env, ct);
            var now = env.Time.GetUtcNow();
            var table = new Table().AddColumns("User", "Name", "Role", "Teams", "State", "Last sign-in");
            foreach (var u in await store.ListAsync(ct))
            {
                var state = u.IsDisabled ? "disabled" : u.IsLockedAt(now) ? $"locked until {u.LockedUntil:HH:mm} UTC" : "active";
                table.AddRow(Markup.Escape(u.UserName), Markup.Escape(u.DisplayName), u.Role.Describe(), Markup.Escape(string.Join(", ", u.Teams)),
                    state, u.LastSignInAt is { } at ? $"{at:yyyy-MM-dd HH:mm}" : "never");
            }
            env.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static Command SetDisabled(CliEnvironment env, string verb, bool disabled, string description)
    {
        var name = new Argument<string>("user-name");
        var command = new Command(verb, description) { name };
        command.SetAction(async (parse, ct) =>
        {
            var store = await StoreAsync(env, ct);
            var userName = UserStore.NormaliseName(parse.GetValue(name)!);
            await store.SetDisabledAsync(userName, disabled, ct);
            env.Out.MarkupLine($"[bold]{Markup.Escape(userName)}[/] is {(disabled ? "disabled: they cannot sign in, and a signed-in session ends at their next request" : "enabled")}.");
            return 0;
        });
        return command;
    }

    private static Command Reset(CliEnvironment env)
    {
        var name = new Argument<string>("user-name");
        var command = new Command("reset", "Give an account a new password (printed once) and unlock it.") { name };
        command.SetAction(async (parse, ct) =>
        {
            var store = await StoreAsync(env, ct);
            var userName = UserStore.NormaliseName(parse.GetValue(name)!);
            var password = PasswordRules.Generate();
            await store.SetPasswordAsync(userName, PasswordRules.Hash(password), true, ct);
            env.Out.MarkupLine($"New password for [bold]{Markup.Escape(userName)}[/], shown once: [bold]{password}[/]");
            env.Out.WriteLine("They will be asked to choose their own password when they next sign in.");
            return 0;
        });
        return command;
    }

    private static async Task<UserStore> StoreAsync(CliEnvironment env, CancellationToken ct)
    {
        var settings = DashboardSettings.From(env.Configuration);
        var connections = Warehouse.Connect(settings.Warehouse);
        await WarehouseSetup.PrepareAsync(connections, ct);
        return new UserStore(connections, env.Time);
    }

    /// <summary>A Manager needs at least one team, and every team named must be one the warehouse knows.</summary>
    private static async Task<string[]> CheckTeamsAsync(CliEnvironment env, string[] teams, AppRole role, CancellationToken ct)
    {
        if (role == AppRole.Manager && teams.Length == 0)
        {
            throw new SettingsException("A Manager sees only the teams assigned to them: give at least one --team (see 'dashboard indicators --scope team' for team ids).");
        }
        if (teams.Length == 0) return teams;
        var settings = DashboardSettings.From(env.Configuration);
        var known = (await new IndicatorQueries(Warehouse.Connect(settings.Warehouse)).TeamsAsync(ct)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = teams.Where(t => !known.Contains(t)).ToList();
        return unknown.Count == 0 ? teams : throw new SettingsException($"No team has the id {string.Join(", ", unknown)}: load the warehouse first, and use a team id from it.");
    }
}

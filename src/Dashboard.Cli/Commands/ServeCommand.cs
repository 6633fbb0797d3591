using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Web;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard serve</c>: the dashboard on the configured warehouse, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static Command Create(CliEnvironment env)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated). Put a TLS-terminating proxy in front for anything but this machine.", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("serve", "Serve the dashboard on the configured warehouse until stopped (Ctrl+C).") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var settings = await DashboardSettings.From(env.Configuration).WithStoredCouncilNameAsync(ct);
            await RunAsync(env, settings, parse.GetValue(urls)!, ct);
            return 0;
        });
        return command;
    }

    /// <summary>Prepares the warehouse (migrations, so the app tables exist), then serves until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunAsync(CliEnvironment env, DashboardSettings settings, string urls, CancellationToken ct)
    {
        var logs = LogSettings.From(env.Configuration);
        var connections = Warehouse.Connect(settings.Warehouse);
        await WarehouseSetup.PrepareAsync(connections, ct);
        var options = new DashboardWebOptions(settings.Warehouse, settings.DataDirectory, settings.Indicators)
        {
            ConfigureHost = builder => ServiceHosting.Configure(builder, logs, env.Time),
        };
        // Behind IIS (ASP.NET Core Module, out of process) the module chooses the port and passes it in ASPNETCORE_PORT;
        // the host's IIS integration listens there, so the default address is not imposed on top of it.
        string[] hostArgs = urls == DefaultUrl && Environment.GetEnvironmentVariable("ASPNETCORE_PORT") is { Length: > 0 } ? [] : ["--urls", urls];
        await using var app = DashboardWebApp.Create(hostArgs, options, env.Configuration);
        await app.StartAsync(ct);
        foreach (var address in app.Urls)
        {
            env.Out.MarkupLine($"The dashboard is at [bold link]{Markup.Escape(address)}[/] (Ctrl+C stops it).");
        }
        // Stopped by the command's token (Ctrl+C, SIGTERM) or by the host itself (its own signal handling): either way
        // the wait ends at once, and the host's short shutdown timeout bounds the rest.
        var stopping = new TaskCompletionSource();
        using (ct.Register(() => stopping.TrySetResult()))
        using (app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task;
        }
        env.Out.MarkupLine("Stopping the dashboard.");
        await app.StopAsync(CancellationToken.None);
    }
}

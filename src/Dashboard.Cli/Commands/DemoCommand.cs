using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard demo</c>: the whole product on the embedded default, from nothing: a synthetic medium
/// council as of today, loaded into a SQLite warehouse, with what was loaded printed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size for the demo.", DefaultValueFactory = _ => "medium" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var faults = new Option<double>("--faults") { Description = "Share of rows given a data error, so the quarantine has something to show.", DefaultValueFactory = _ => 0.002 };
        var port = new Option<int>("--port") { Description = "Port for the dashboard on 127.0.0.1.", DefaultValueFactory = _ => 5000 };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after loading and creating the demo accounts." };
        var fromReturns = new Option<bool>("--from-returns")
        {
            Description = "Load the council as a council without an SSD extract would: write it as CIN census, SSDA903 and Annex A files (data/returns), import them and load the result.",
        };
        var command = new Command("demo", "Generate a synthetic council as of today, load it, create a demo account for each role and serve the dashboard.")
        {
            preset, faults, port, noServe, fromReturns,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            if (settings.Indicators.CouncilName == IndicatorSettings.Default.CouncilName)
            {
                // The synthetic council is nobody's: say so on every page rather than "Your council".
                settings = settings with { Indicators = settings.Indicators with { CouncilName = "Synthetic Borough (demo data)" } };
            }
            if (settings.Source.Provider != DatabaseProvider.Sqlite || settings.Warehouse.Provider != DatabaseProvider.Sqlite)
            {
                throw new SettingsException("The demo runs on the embedded default only: unset Dashboard:Source and Dashboard:Warehouse, or use 'dashboard etl' against your own databases.");
            }
            var sourcePath = settings.Source.SqliteFile
                ?? throw new SettingsException("The demo needs its source to be a SQLite file: unset Dashboard:Source:ConnectionString.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sourcePath))!);
            var returns = parse.GetValue(fromReturns);
            // From returns: the synthetic case system's extract is only the material the returns are written from.
            var generated = returns ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourcePath))!, "case-system.db") : sourcePath;
            var summary = await GenerateCommand.GenerateAsync(env,
                new GeneratorOptions(GenerateCommand.ParsePreset(parse.GetValue(preset)!), Seed: 1, Years: 5, AsOf: null, FaultRate: parse.GetValue(faults)), generated, ct);
            GenerateCommand.PrintSummary(env.Out, summary);
            if (returns)
            {
                var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourcePath))!, "returns");
                var files = Dashboard.Returns.Import.ReturnFiles.WriteAll(generated, folder, new Dashboard.Returns.ReturnWriteOptions(summary.AsOf, 5), ct);
                env.Out.MarkupLine($"Wrote the council as its statutory returns into [bold]{Markup.Escape(folder)}[/]: {files.Values.Sum(f => f.Count)} files.");
                var imported = await ImportCommand.RunAsync(env, Dashboard.Returns.Import.ReturnFiles.Request(files, sourcePath), ct);
                ImportCommand.PrintResult(env.Out, imported);
            }
            var result = await EtlCommand.RunAsync(env, new EtlOptions(settings.Source, settings.Warehouse) { TriggerKind = "manual", Indicators = settings.Indicators }, ct);
            EtlCommand.PrintResult(env.Out, result);
            var accounts = await DemoAccounts.CreateAsync(Warehouse.Connect(settings.Warehouse), env.Time, ct);
            if (await DemoFindings.AddIfNoneAsync(Warehouse.Connect(settings.Warehouse), summary.AsOf, env.Time, ct) is > 0 and var added)
            {
                env.Out.MarkupLine($"Recorded {added} findings of a made-up Ofsted letter dated {DemoFindings.LetterDate(summary.AsOf):d MMMM yyyy} (Themes page; the monitoring-visit pack reads them).");
            }
            PrintAccounts(env, accounts);
            if (parse.GetValue(noServe))
            {
                var self = Markup.Escape(SelfInvocation.Command());
                env.Out.MarkupLine($"Next: [bold]{self} serve[/] to open the dashboard, or [bold]{self} indicators[/] for this month's figures.");
                return 0;
            }
            var portValue = parse.GetValue(port);
            if (portValue is < 1 or > 65535) throw new SettingsException($"--port is {portValue}, but it must be from 1 to 65535.");
            await ServeCommand.RunAsync(env, settings, $"http://127.0.0.1:{portValue}", ct);
            return 0;
        });
        return command;
    }

    private static void PrintAccounts(CliEnvironment env, IReadOnlyList<(string UserName, Dashboard.Data.App.AppRole Role, string Password, string Teams)> accounts)
    {
        env.Out.MarkupLine("Demo accounts (passwords are new each time the demo starts and are shown only here):");
        var table = new Table().AddColumns("User name", "Role", "Password", "Sees");
        foreach (var (userName, role, password, teams) in accounts)
        {
            table.AddRow(Markup.Escape(userName), Markup.Escape(Dashboard.Web.Security.Roles.Describe(role)), Markup.Escape(password), Markup.Escape(Sees(role, teams)));
        }
        env.Out.Write(table);
    }

    private static string Sees(Dashboard.Data.App.AppRole role, string teams) => role switch
    {
        Dashboard.Data.App.AppRole.Manager => $"their team only ({teams})",
        Dashboard.Data.App.AppRole.Councillor => "aggregates, small numbers suppressed",
        Dashboard.Data.App.AppRole.Admin => "accounts, audit log, data quality; no children",
        Dashboard.Data.App.AppRole.Analyst => "everything, including rejected rows",
        _ => "everything, including children",
    };
}

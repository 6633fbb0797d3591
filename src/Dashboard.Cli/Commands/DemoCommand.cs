using System.CommandLine;
using Dashboard.Cli.Hosting;
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
        var command = new Command("demo", "Generate a synthetic council as of today, load it into the warehouse and show what was loaded.")
        {
            preset, faults,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            if (settings.Source.Provider != DatabaseProvider.Sqlite || settings.Warehouse.Provider != DatabaseProvider.Sqlite)
            {
                throw new SettingsException("The demo runs on the embedded default only: unset Dashboard:Source and Dashboard:Warehouse, or use 'dashboard etl' against your own databases.");
            }
            var sourcePath = settings.Source.SqliteFile
                ?? throw new SettingsException("The demo needs its source to be a SQLite file: unset Dashboard:Source:ConnectionString.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sourcePath))!);
            var summary = await GenerateCommand.GenerateAsync(env,
                new GeneratorOptions(GenerateCommand.ParsePreset(parse.GetValue(preset)!), Seed: 1, Years: 5, AsOf: null, FaultRate: parse.GetValue(faults)), sourcePath, ct);
            GenerateCommand.PrintSummary(env.Out, summary);
            var result = await EtlCommand.RunAsync(env, new EtlOptions(settings.Source, settings.Warehouse) { TriggerKind = "manual", Indicators = settings.Indicators }, ct);
            EtlCommand.PrintResult(env.Out, result);
            var self = Markup.Escape(SelfInvocation.Command());
            env.Out.MarkupLine($"The warehouse is at [bold]{Markup.Escape(settings.Warehouse.SqliteFile ?? settings.Warehouse.Describe())}[/].");
            env.Out.MarkupLine($"Next: [bold]{self} indicators[/] (this month's figures), [bold]{self} exceptions --indicator SEEN-01[/] (the children behind a failure),");
            env.Out.MarkupLine($"[bold]{self} runs[/] (the load audit) and [bold]{self} quarantine[/] (the rows rejected and why).");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Etl;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard etl</c>: one load from the source into the warehouse, audited.</summary>
internal static class EtlCommand
{
    public static Command Create(CliEnvironment env)
    {
        var source = CommonOptions.Source();
        var sourceProvider = CommonOptions.SourceProvider();
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The run's 'today' (yyyy-MM-dd): no event may be later, and the latest month is measured as at this day. Default: today. Use the date of an extract made earlier, such as a synthetic council generated with --as-of.",
        };
        var command = new Command("etl", "Load the source (SSD extract) into the warehouse: validate, quarantine bad rows, swap in atomically.")
        {
            source, sourceProvider, warehouse, warehouseProvider, asOf,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            // A council without an SSD extract names its returns in configuration: they are imported into the source
            // file first, so every load reads the latest files.
            var returns = ReturnsSettings.From(env.Configuration);
            if (returns.Any && parse.GetValue(source) is null)
            {
                var imported = await ImportCommand.RunAsync(env, returns.Request(settings.Source), ct);
                ImportCommand.PrintResult(env.Out, imported);
            }
            var options = new EtlOptions(
                DashboardSettings.Override(settings.Source, parse.GetValue(source), parse.GetValue(sourceProvider)),
                DashboardSettings.Override(settings.Warehouse, parse.GetValue(warehouse), parse.GetValue(warehouseProvider)))
            {
                Indicators = settings.Indicators,
                AsOf = OptionValues.Date(parse.GetValue(asOf), "--as-of"),
            };
            var result = await RunAsync(env, options, ct);
            PrintResult(env.Out, result);
            if (settings.Indicators.CouncilName == Dashboard.Core.Indicators.Settings.IndicatorSettings.Default.CouncilName)
            {
                // Pages and packs name the council the load stored; without a name a councillor's PDF says "Your council".
                env.Out.MarkupLine("[yellow]Warning:[/] the council's name is not set, so pages and packs say \"Your council\": set councilName in the indicator settings file named by Dashboard:Indicators:SettingsFile (docs/configuration.md).");
            }
            return 0;
        });
        return command;
    }

    public static Task<EtlRunResult> RunAsync(CliEnvironment env, EtlOptions options, CancellationToken ct)
    {
        if (options.Source.SqliteFile is { } file && !File.Exists(file))
        {
            throw new SettingsException(
                $"There is no source database at {file}: generate one with 'dashboard generate --preset small --out {file}' or set Dashboard:Source:ConnectionString.");
        }
        return ProgressDisplay.RunAsync(env.Out, "Loading the warehouse", progress =>
            LiveLoadBoard.RunAsync(options.Warehouse, env.Time, env.Out,
                new Relay<EtlProgress>(p => progress.Report((p.Table is null ? p.Stage : $"{p.Stage} {p.Table}", p.Fraction))),
                board => new EtlRunner(env.Time).RunAsync(options, board, ct)));
    }

    public static void PrintResult(IAnsiConsole console, EtlRunResult result)
    {
        var table = new Table().Title($"Load {result.LoadId}: {result.Status}")
            .AddColumn("Source table").AddColumn("Target")
            .AddColumn(new TableColumn("Read").RightAligned()).AddColumn(new TableColumn("Loaded").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned()).AddColumn(new TableColumn("Repaired").RightAligned())
            .AddColumn(new TableColumn("Changed").RightAligned()).AddColumn(new TableColumn("Unknown refs").RightAligned());
        foreach (var t in result.Tables)
        {
            table.AddRow(Markup.Escape(t.SourceTable), Markup.Escape(t.TargetTable), t.RowsRead.ToString("N0"), t.RowsLoaded.ToString("N0"),
                t.RowsQuarantined == 0 ? "0" : $"[yellow]{t.RowsQuarantined:N0}[/]", t.RowsRepaired == 0 ? "0" : $"[blue]{t.RowsRepaired:N0}[/]",
                t.RowsInserted.ToString("N0"), t.UnknownReferences.ToString("N0"));
        }
        table.AddRow("[bold]Total[/]", "", $"[bold]{result.Tables.Sum(t => t.RowsRead):N0}[/]", $"[bold]{result.Tables.Sum(t => t.RowsLoaded):N0}[/]",
            $"[bold]{result.Tables.Sum(t => t.RowsQuarantined):N0}[/]", $"[bold]{result.RowsRepaired:N0}[/]",
            $"[bold]{result.Tables.Sum(t => t.RowsInserted):N0}[/]", $"[bold]{result.Tables.Sum(t => t.UnknownReferences):N0}[/]");
        console.Write(table);
        foreach (var warning in result.Warnings) console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(warning)}");
        console.MarkupLine($"Indicators: {result.IndicatorRows:N0} figures and {result.ExceptionRows:N0} exception rows in {result.IndicatorElapsed.TotalSeconds:N1} s.");
        console.MarkupLine($"Load {result.LoadId} {result.Status} in {result.Elapsed.TotalSeconds:N1} s. See rejected rows and repaired fields with '{Markup.Escape(SelfInvocation.Command())} quarantine --run {result.LoadId}'.");
    }
}

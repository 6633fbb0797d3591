using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard runs</c>: the load audit: recent runs and, for one run, its figures per table.</summary>
internal static class RunsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var count = new Option<int>("--count") { Description = "How many recent runs to list.", DefaultValueFactory = _ => 10 };
        var run = new Option<long?>("--run") { Description = "Show the per-table figures of this run (default: the latest)." };
        var command = new Command("runs", "Show the load audit: recent ETL runs, their status and rows read, loaded, rejected and repaired per table.")
        {
            warehouse, warehouseProvider, count, run,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(count) is < 1 or > 1000) throw new SettingsException("--count must be between 1 and 1000.");
            var target = DashboardSettings.Override(DashboardSettings.From(env.Configuration).Warehouse, parse.GetValue(warehouse), parse.GetValue(warehouseProvider));
            var queries = new LoadAuditQueries(await OpenExistingAsync(target, ct));
            var runs = await queries.RecentRunsAsync(parse.GetValue(count), ct);
            if (runs.Count == 0)
            {
                env.Out.MarkupLine("No ETL run is recorded in this warehouse yet. Run [bold]dashboard etl[/].");
                return 0;
            }
            PrintRuns(env.Out, runs);
            var detailId = parse.GetValue(run) ?? runs[0].LoadId;
            var tables = await queries.TablesAsync([detailId], ct);
            PrintTables(env.Out, detailId, tables);
            return 0;
        });
        return command;
    }

    /// <summary>Connects to a warehouse that must already exist: reading the audit of a warehouse never
    /// creates one.</summary>
    public static async Task<IConnectionFactory> OpenExistingAsync(DatabaseTarget target, CancellationToken ct)
    {
        if (target.SqliteFile is { } file && !File.Exists(file))
        {
            throw new SettingsException($"There is no warehouse at {file}: run 'dashboard etl' first, or set Dashboard:Warehouse:ConnectionString.");
        }
        var factory = Warehouse.Connect(target);
        await (await factory.OpenAsync(ct)).DisposeAsync();
        return factory;
    }

    private static void PrintRuns(IAnsiConsole console, IReadOnlyList<LoadRun> runs)
    {
        var table = new Table().Title("Recent ETL runs").AddColumn("Run").AddColumn("Started (UTC)").AddColumn("Status")
            .AddColumn("Trigger").AddColumn(new TableColumn("Took").RightAligned())
            .AddColumn(new TableColumn("Indicators").RightAligned()).AddColumn("As at").AddColumn("Source").AddColumn("Error");
        foreach (var r in runs)
        {
            var status = r.Status switch { "succeeded" => "[green]succeeded[/]", "failed" => "[red]failed[/]", _ => $"[yellow]{Markup.Escape(r.Status)}[/]" };
            table.AddRow(r.LoadId.ToString(), r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), status, Markup.Escape(r.TriggerKind),
                r.DurationMs is { } ms ? $"{ms / 1000.0:N1} s" : "", r.IndicatorMs is { } im ? $"{im / 1000.0:N1} s" : "", r.AsOfDate.ToString("yyyy-MM-dd"), Markup.Escape(r.SourceDescription),
                Markup.Escape(r.ErrorMessage ?? ""));
        }
        console.Write(table);
    }

    private static void PrintTables(IAnsiConsole console, long loadId, IReadOnlyList<LoadTable> tables)
    {
        if (tables.Count == 0)
        {
            console.MarkupLine($"Run {loadId} recorded no table figures (it failed before loading, or does not exist).");
            return;
        }
        var table = new Table().Title($"Run {loadId} by source table").AddColumn("Source table").AddColumn("Target")
            .AddColumn(new TableColumn("Read").RightAligned()).AddColumn(new TableColumn("Loaded").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned()).AddColumn(new TableColumn("Repaired").RightAligned())
            .AddColumn(new TableColumn("Changed").RightAligned())
            .AddColumn(new TableColumn("Removed").RightAligned()).AddColumn(new TableColumn("Took").RightAligned()).AddColumn("Warning");
        // In load order (parents first), as the ETL ran them.
        var order = Dashboard.Core.Ssd.SsdSchema.All.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        foreach (var t in tables.OrderBy(t => order.GetValueOrDefault(t.SourceTable, int.MaxValue)).ThenBy(t => t.SourceTable, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(t.SourceTable), Markup.Escape(t.TargetTable), t.RowsRead.ToString("N0"), t.RowsLoaded.ToString("N0"),
                t.RowsQuarantined == 0 ? "0" : $"[yellow]{t.RowsQuarantined:N0}[/]", t.RowsRepaired == 0 ? "0" : $"[blue]{t.RowsRepaired:N0}[/]",
                t.RowsInserted.ToString("N0"), t.RowsDeleted.ToString("N0"),
                $"{t.DurationMs / 1000.0:N1} s", Markup.Escape(t.Warning ?? ""));
        }
        console.Write(table);
        console.MarkupLine("Read = loaded + rejected. Repaired rows are loaded with a wrong optional field left empty; "
            + "'quarantine --outcome repaired' shows the original values.");
    }
}

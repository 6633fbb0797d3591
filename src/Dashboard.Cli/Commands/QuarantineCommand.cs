using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data.Audit;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard quarantine</c>: the rows a run rejected and why.</summary>
internal static class QuarantineCommand
{
    public static Command Create(CliEnvironment env)
    {
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var run = new Option<long?>("--run") { Description = "The run whose rejected rows to show (default: the latest run that rejected any)." };
        var table = new Option<string?>("--table") { Description = "Only rows from this source table, e.g. ssd_cp_visits." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 50 };
        var command = new Command("quarantine", "Show the source rows a run rejected, with the field, value and rule each broke.")
        {
            warehouse, warehouseProvider, run, table, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) is < 1 or > 100_000) throw new SettingsException("--limit must be between 1 and 100000.");
            var target = DashboardSettings.Override(DashboardSettings.From(env.Configuration).Warehouse, parse.GetValue(warehouse), parse.GetValue(warehouseProvider));
            var queries = new LoadAuditQueries(await RunsCommand.OpenExistingAsync(target, ct));
            var rows = await queries.QuarantineAsync(parse.GetValue(run), parse.GetValue(table), parse.GetValue(limit), ct);
            if (rows.Count == 0)
            {
                env.Out.MarkupLine(parse.GetValue(run) is { } id
                    ? $"Run {id} rejected no rows{(parse.GetValue(table) is { } t ? $" from {Markup.Escape(t)}" : "")}."
                    : "No run has rejected any rows.");
                return 0;
            }
            var loadId = rows[0].LoadId;
            PrintSummary(env.Out, loadId, await queries.QuarantineSummaryAsync(loadId, ct));
            PrintRows(env.Out, rows, parse.GetValue(limit));
            return 0;
        });
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, long loadId, IReadOnlyList<(string SourceTable, string Rule, long Rows)> summary)
    {
        var table = new Table().Title($"Run {loadId}: rejected rows by table and rule").AddColumn("Source table").AddColumn("Rule").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (source, rule, rows) in summary) table.AddRow(Markup.Escape(source), Markup.Escape(rule), rows.ToString("N0"));
        console.Write(table);
    }

    private static void PrintRows(IAnsiConsole console, IReadOnlyList<QuarantinedRow> rows, int limit)
    {
        var table = new Table().Title("Rejected rows").AddColumn("Source table").AddColumn("Key").AddColumn("Field").AddColumn("Value").AddColumn("Rule").AddColumn("Reason");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.SourceTable), Markup.Escape(r.BusinessKey ?? "(none)"), Markup.Escape(r.Field),
                Markup.Escape(r.Value ?? "(empty)"), Markup.Escape(r.Rule), Markup.Escape(r.Message));
        }
        console.Write(table);
        if (rows.Count == limit) console.MarkupLine($"Showing the first {limit:N0}; use --limit or --table to see more.");
    }
}

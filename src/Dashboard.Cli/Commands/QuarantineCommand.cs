using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Data.Audit;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard quarantine</c>: the rows a run rejected and why, and apart from them the fields it repaired (rows
/// loaded with a wrong optional field left empty, the original value kept here).
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create(CliEnvironment env)
    {
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var run = new Option<long?>("--run") { Description = "The run to show (default: the latest run that rejected or repaired any row)." };
        var table = new Option<string?>("--table") { Description = "Only rows from this source table, e.g. ssd_cp_visits." };
        var outcome = new Option<string?>("--outcome") { Description = "Only 'rejected' rows (not loaded) or 'repaired' fields (row loaded, field emptied); default both." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows of each outcome.", DefaultValueFactory = _ => 50 };
        var command = new Command("quarantine", "Show the source rows a run rejected and the fields it repaired, with the field, value and rule each broke.")
        {
            warehouse, warehouseProvider, run, table, outcome, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) is < 1 or > 100_000) throw new SettingsException("--limit must be between 1 and 100000.");
            string? only;
            try
            {
                only = QuarantineOutcomes.Parse(parse.GetValue(outcome));
            }
            catch (ArgumentException)
            {
                throw new SettingsException($"--outcome must be rejected or repaired, not '{parse.GetValue(outcome)}'.");
            }
            var target = DashboardSettings.Override(DashboardSettings.From(env.Configuration).Warehouse, parse.GetValue(warehouse), parse.GetValue(warehouseProvider));
            var queries = new LoadAuditQueries(await RunsCommand.OpenExistingAsync(target, ct));
            var rejected = only is null or QuarantineOutcomes.Rejected
                ? await queries.QuarantineAsync(parse.GetValue(run), parse.GetValue(table), QuarantineOutcomes.Rejected, parse.GetValue(limit), ct) : [];
            var repaired = only is null or QuarantineOutcomes.Repaired
                ? await queries.QuarantineAsync(parse.GetValue(run), parse.GetValue(table), QuarantineOutcomes.Repaired, parse.GetValue(limit), ct) : [];
            if (rejected.Count == 0 && repaired.Count == 0)
            {
                var what = only switch { QuarantineOutcomes.Rejected => "rejected no rows", QuarantineOutcomes.Repaired => "repaired no rows", _ => "rejected or repaired no rows" };
                env.Out.MarkupLine(parse.GetValue(run) is { } id
                    ? $"Run {id} {what}{(parse.GetValue(table) is { } t ? $" from {Markup.Escape(t)}" : "")}."
                    : $"No run has {what.Replace("no rows", "any rows", StringComparison.Ordinal)}.");
                return 0;
            }
            var loadId = (rejected.Count > 0 ? rejected[0] : repaired[0]).LoadId;
            if (only is null or QuarantineOutcomes.Rejected)
            {
                PrintSummary(env.Out, $"Run {loadId}: rejected rows by table and rule (not loaded)",
                    (await queries.QuarantineSummaryAsync(loadId, ct)).Select(s => (s.SourceTable, s.Rule, s.Rows)));
                PrintRows(env.Out, "Rejected rows", rejected, parse.GetValue(limit));
            }
            if (only is null or QuarantineOutcomes.Repaired)
            {
                PrintSummary(env.Out, $"Run {loadId}: repaired fields by table and field (rows loaded with the field empty)",
                    (await queries.RepairSummaryAsync(loadId, ct)).Select(s => (s.SourceTable, $"{s.Field} ({s.Rule})", s.Rows)));
                PrintRows(env.Out, "Repaired fields (original values)", repaired, parse.GetValue(limit));
            }
            return 0;
        });
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, string title, IEnumerable<(string SourceTable, string What, long Rows)> summary)
    {
        var table = new Table().Title(title).AddColumn("Source table").AddColumn("Rule").AddColumn(new TableColumn("Rows").RightAligned());
        var any = false;
        foreach (var (source, what, rows) in summary)
        {
            table.AddRow(Markup.Escape(source), Markup.Escape(what), rows.ToString("N0"));
            any = true;
        }
        if (any) console.Write(table);
        else console.MarkupLine($"{Markup.Escape(title)}: none.");
    }

    private static void PrintRows(IAnsiConsole console, string title, IReadOnlyList<QuarantinedRow> rows, int limit)
    {
        if (rows.Count == 0) return;
        var table = new Table().Title(title).AddColumn("Source table").AddColumn("Key").AddColumn("Field").AddColumn("Value").AddColumn("Rule").AddColumn("Reason");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.SourceTable), Markup.Escape(r.BusinessKey ?? "(none)"), Markup.Escape(r.Field),
                Markup.Escape(r.Value ?? "(empty)"), Markup.Escape(r.Rule), Markup.Escape(r.Message));
        }
        console.Write(table);
        if (rows.Count == limit) console.MarkupLine($"Showing the first {limit:N0}; use --limit, --table or --outcome to see more.");
    }
}

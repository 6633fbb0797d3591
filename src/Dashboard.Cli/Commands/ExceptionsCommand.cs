using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.Indicators;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard exceptions</c>: the child-level rows behind one indicator's failures in one month (default: the
/// latest), most overdue first, so a manager can act on them. Child-level data: for managers, never councillors.
/// </summary>
internal static class ExceptionsCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create(CliEnvironment env)
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator, by id (e.g. SEEN-01).", Required = true };
        var month = new Option<string?>("--month") { Description = "The month, YYYY-MM (default: the latest in the warehouse)." };
        var team = new Option<string?>("--team") { Description = "Only this team's rows, by name or id." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 50 };
        var format = IndicatorsCommand.Format();
        var warehouse = CommonOptions.Warehouse();
        var warehouseProvider = CommonOptions.WarehouseProvider();
        var command = new Command("exceptions", "List the children behind an indicator's failures in a month: who, team, worker, what was due and how late.")
        {
            indicator, month, team, limit, warehouse, warehouseProvider, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var indicatorId = IndicatorsCommand.IndicatorId(parse.GetValue(indicator))!;
            var chosen = IndicatorsCommand.ParseMonth(parse.GetValue(month), "--month");
            if (parse.GetValue(limit) is < 1 or > 100_000) throw new SettingsException("--limit must be between 1 and 100000.");
            var queries = await IndicatorsCommand.OpenAsync(env, parse.GetValue(warehouse), parse.GetValue(warehouseProvider), ct);
            var periods = await IndicatorsCommand.PeriodsAsync(queries, ct);
            if (periods.Count == 0)
            {
                env.Error.WriteLine(IndicatorsCommand.NoFigures);
                return ErrorReporter.Failure;
            }
            // With no month asked for: the latest complete month, as on the dashboard.
            var offered = await queries.ReportingMonthsAsync(DashboardSettings.From(env.Configuration).Indicators.ReportingStart, ct);
            var period = chosen ?? offered?.Default ?? Month.Parse(periods[^1]);
            IndicatorsCommand.RequireHeld(periods, period, "--month");
            var teamId = parse.GetValue(team) is { } name ? await IndicatorsCommand.TeamIdAsync(queries, name, ct) : null;
            var rows = await queries.ExceptionsAsync(indicatorId, period.ToString(), teamId, parse.GetValue(limit), ct);
            Write(env, IndicatorCatalogue.Get(indicatorId).Definition, period, rows, parse.GetValue(format)!, parse.GetValue(limit));
            return 0;
        });
        return command;
    }

    private static void Write(CliEnvironment env, IndicatorDefinition definition, Month period, IReadOnlyList<StoredExceptionRow> rows, string format, int limit)
    {
        var writer = env.Out.Profile.Out.Writer;
        if (format == "json")
        {
            writer.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                indicator = r.IndicatorId, series = r.Series, period = r.Period, ruleDate = Iso(r.RuleDate), personId = r.PersonId, eventId = r.EventId,
                teamId = r.TeamId, teamName = r.TeamName, workerId = r.WorkerId, workerName = r.WorkerName, serviceAreaId = r.ServiceAreaId,
                whatDue = r.WhatDue, dueDate = r.DueDate is { } d ? Iso(d) : null, daysOverdue = r.DaysOverdue, overdueUnit = r.OverdueUnit,
            }), Json));
            return;
        }
        if (format == "csv")
        {
            writer.Write(Csv.Render(
                ["indicator", "series", "period", "ruleDate", "personId", "eventId", "teamId", "teamName", "workerId", "workerName", "serviceAreaId",
                 "whatDue", "dueDate", "daysOverdue", "overdueUnit"],
                rows.Select(r => new string?[]
                {
                    r.IndicatorId, r.Series, r.Period, Iso(r.RuleDate), r.PersonId, r.EventId, r.TeamId, r.TeamName, r.WorkerId, r.WorkerName,
                    r.ServiceAreaId, r.WhatDue, r.DueDate is { } d ? Iso(d) : null, r.DaysOverdue?.ToString(CultureInfo.InvariantCulture), r.OverdueUnit,
                })));
            return;
        }
        var console = env.Out;
        if (rows.Count == 0)
        {
            console.MarkupLine($"No exception rows for {Markup.Escape(definition.Id)} in {period}.");
            return;
        }
        var table = new Table().Title(Markup.Escape($"{definition.Id} {definition.Title}: exceptions in {period}"))
            .AddColumn("Child").AddColumn("Record").AddColumn("Team").AddColumn("Worker").AddColumn(definition.ExceptionWordsHeading)
            .AddColumn("Due").AddColumn(new TableColumn("Overdue").RightAligned());
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.PersonId ?? ""), Markup.Escape(r.EventId ?? ""), Markup.Escape(r.TeamName ?? r.TeamId),
                Markup.Escape(r.WorkerName ?? r.WorkerId ?? ""), Markup.Escape(r.WhatDue), r.DueDate is { } d ? Iso(d) : "",
                r.DaysOverdue is { } days ? $"{days:N0} {r.OverdueUnit}" : "");
        }
        console.Write(table);
        if (rows.Count == limit) console.MarkupLine($"Showing the first {limit:N0}; use --limit or --team to see more.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

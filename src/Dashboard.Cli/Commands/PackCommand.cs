using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Data;
using Dashboard.Reports;
using Dashboard.Reports.Figures;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard pack --pack councillor|monitoring|annex-a --month YYYY-MM [--length 1|3|12] [--format pdf|xlsx] --out DIR</c>: the same packs the
/// dashboard's Packs page makes, from the results the last load stored.
/// </summary>
internal static class PackCommand
{
    public static Command Create(CliEnvironment env)
    {
        var pack = new Option<string>("--pack") { Description = "Which pack: " + string.Join(", ", Packs.Available.Select(Packs.Name)) + ".", Required = true };
        pack.AcceptOnlyFromAmong([.. Packs.Available.Select(Packs.Name)]);
        var month = new Option<string?>("--month") { Description = "The month to report, YYYY-MM (default: the latest complete month; the month still running may be asked for, and is then labelled the month so far and not rated)." };
        var length = new Option<string?>("--length") { Description = "How many months each figure covers: 1, or 3 or 12 for rolling figures (default: the council's setting defaultLength). Rolling figures end at a complete month." };
        length.AcceptOnlyFromAmong("1", "3", "12");
        var format = new Option<string?>("--format") { Description = "pdf or xlsx (default: the pack's own)." };
        format.AcceptOnlyFromAmong("pdf", "xlsx");
        var output = new Option<string>("--out") { Description = "The folder to write the pack into (created if need be).", Required = true };
        var command = new Command("pack", "Make a pack (councillors' monthly PDF, monitoring-visit evidence pack, Annex A workbook) from the stored results.") { pack, month, length, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var settings = await DashboardSettings.From(env.Configuration).WithStoredCouncilNameAsync(ct);
            var kind = Packs.Parse(parse.GetValue(pack)!);
            var context = Context(env, settings) with
            {
                Month = IndicatorsCommand.ParseMonth(parse.GetValue(month), "--month"),
                Length = parse.GetValue(length) is { } l ? FigureLength.Parse(l, settings.Indicators.DefaultFigureLength) : null,
            };
            var chosen = parse.GetValue(format) is { } f ? Enum.Parse<PackFormat>(f, ignoreCase: true) : (PackFormat?)null;
            var path = await ProgressDisplay.RunAsync(env.Out, $"Making the {Packs.Name(kind)} pack", () =>
                Packs.WriteAsync(kind, chosen, context, parse.GetValue(output)!, ct));
            env.Out.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]{(Packs.HoldsChildLevelData(kind) ? " (OFFICIAL-SENSITIVE: it lists children; keep it where only those who need it can read it)" : "")}.");
            return 0;
        });
        return command;
    }

    /// <summary>What every pack reads: the configured warehouse, the council's settings, the reports folder.</summary>
    public static PackContext Context(CliEnvironment env, DashboardSettings settings) =>
        new(Warehouse.Connect(settings.Warehouse), settings.Indicators)
        {
            ReportsFolder = env.Configuration["Dashboard:Reports:Folder"] is { Length: > 0 } folder ? folder : null,
            Time = env.Time,
        };

}

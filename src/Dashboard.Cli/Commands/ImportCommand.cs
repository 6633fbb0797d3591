using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Returns;
using Dashboard.Returns.Import;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard import</c>: reads a council's statutory returns (CIN census XML, SSDA903 CSV files, Annex A workbook) into
/// an SSD-shaped source file, which <c>dashboard etl</c> then loads like any SSD extract.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var cin = new Option<string[]>("--cin-census") { Description = "CIN census XML files, one per census year (several years are merged by child).", AllowMultipleArgumentsPerToken = true };
        var ssda903 = new Option<string[]>("--ssda903") { Description = "SSDA903 folders (one per year) or CSV files: header, episodes, reviews, uasc, oc2, oc3, ad1, placed_for_adoption, previous_permanence, missing.", AllowMultipleArgumentsPerToken = true };
        var annexA = new Option<string[]>("--annex-a") { Description = "Ofsted's Annex A workbook (.xlsx), lists 1 to 11.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "The source file to write (SQLite; replaced only when the import succeeds). Default: the configured source, Dashboard:Source." };
        var command = new Command("import", "Import statutory returns (CIN census, SSDA903, Annex A) as an SSD-shaped source for 'dashboard etl'.")
        {
            cin, ssda903, annexA, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = DashboardSettings.From(env.Configuration);
            var outPath = parse.GetValue(output) ?? ReturnsSettings.OutputFor(settings.Source);
            var request = new ImportRequest(parse.GetValue(cin) ?? [], parse.GetValue(ssda903) ?? [], parse.GetValue(annexA) ?? [], Path.GetFullPath(outPath));
            var result = await RunAsync(env, request, ct);
            PrintResult(env.Out, result);
            return 0;
        });
        return command;
    }

    public static Task<ImportResult> RunAsync(CliEnvironment env, ImportRequest request, CancellationToken ct) =>
        ProgressDisplay.RunAsync(env.Out, "Importing the returns", progress =>
            Task.Run(() => new ReturnsImport(ReturnCatalogue.Importers, env.Time).Run(request, progress, ct), ct));

    public static void PrintResult(IAnsiConsole console, ImportResult result)
    {
        var returns = new Table().Title("Returns imported").AddColumn("Return").AddColumn("Period").AddColumn("Files")
            .AddColumn(new TableColumn("Records").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned())
            .AddColumn(new TableColumn("Children").RightAligned()).AddColumn(new TableColumn("Also in another return").RightAligned());
        foreach (var r in result.Returns)
        {
            var join = result.Joins.FirstOrDefault(j => j.Return == r.Provenance.Return);
            returns.AddRow(Markup.Escape(r.Provenance.Return.Name()), Markup.Escape(r.Provenance.Period), Markup.Escape(string.Join(", ", r.Provenance.Files)),
                r.Records.ToString("N0"), r.Rejected.ToString("N0"), (join?.Children ?? 0).ToString("N0"), (join?.AlsoElsewhere ?? 0).ToString("N0"));
        }
        console.Write(returns);

        var tables = new Table().Title("SSD tables written").AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("From");
        foreach (var (name, rows) in result.RowsPerTable.Where(r => r.Value > 0).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var from = result.Returns.Where(r => r.Provenance.Tables.Any(t => t.Table.Name == name))
                .Select(r => r.Provenance.Return.Name() + (r.Provenance.Tables.First(t => t.Table.Name == name).Coverage == TableCoverage.LatestOnly ? " (latest only)" : ""));
            tables.AddRow(Markup.Escape(name), rows.ToString("N0"), Markup.Escape(string.Join(", ", from)));
        }
        console.Write(tables);
        if (result.Joins.Count > 1)
        {
            console.MarkupLine("Children are joined across returns on the council's child id (the CIN census's LAchildID, SSDA903's CHILD, Annex A's Child Unique ID); " +
                               "a child named differently in two returns counts as two children.");
        }
        if (result.Rejected > 0)
        {
            console.MarkupLine($"[yellow]{result.Rejected:N0} element(s) or row(s) could not be placed and were kept as rejections with their file, line and reason; " +
                               "after loading, the data quality page lists them.[/]");
        }
        var asOf = result.ReferenceDate is { } date ? $" (as at {date:yyyy-MM-dd}, the latest reference date in the files)" : "";
        console.MarkupLine($"Wrote [bold]{Markup.Escape(result.Path)}[/] in {result.Elapsed.TotalSeconds:N1} s. Load it with " +
                           $"[bold]dashboard etl --source {Markup.Escape(result.Path)}[/]{Markup.Escape(asOf)}.");
    }
}

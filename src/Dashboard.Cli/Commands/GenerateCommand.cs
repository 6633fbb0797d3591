using System.CommandLine;
using Dashboard.Cli.Hosting;
using Dashboard.Synthetic;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>dashboard generate</c>: writes a synthetic council's SSD extract to a SQLite file.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size: scilly (~15 referrals a year), small (~1,500), medium (~6,000), large (~25,000).", Required = true };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same council.", DefaultValueFactory = _ => 1 };
        var years = new Option<int>("--years") { Description = "Years of history.", DefaultValueFactory = _ => 5 };
        var asOf = new Option<string?>("--as-of") { Description = "The council's 'today' (yyyy-MM-dd). Default: today." };
        var faults = new Option<double>("--faults") { Description = "Share of rows given a realistic data error (0 to 0.5), to exercise quarantine.", DefaultValueFactory = _ => 0.0 };
        var output = new Option<string>("--out") { Description = "The SQLite file to write (replaced if it exists).", Required = true };

        var command = new Command("generate", "Generate a synthetic council's SSD extract (a SQLite database).")
        {
            preset, seed, years, asOf, faults, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new GeneratorOptions(ParsePreset(parse.GetValue(preset)!), parse.GetValue(seed), parse.GetValue(years), OptionValues.Date(parse.GetValue(asOf), "--as-of"), parse.GetValue(faults));
            var summary = await GenerateAsync(env, options, parse.GetValue(output)!, ct);
            PrintSummary(env.Out, summary);
            return 0;
        });
        return command;
    }

    public static CouncilPreset ParsePreset(string value) => value.ToLowerInvariant() switch
    {
        "scilly" => CouncilPreset.Scilly,
        "small" => CouncilPreset.Small,
        "medium" => CouncilPreset.Medium,
        "large" => CouncilPreset.Large,
        _ => throw new SettingsException($"--preset is '{value}', but it must be scilly, small, medium or large."),
    };

    public static Task<GenerationSummary> GenerateAsync(CliEnvironment env, GeneratorOptions options, string path, CancellationToken ct) =>
        ProgressDisplay.RunAsync(env.Out, $"Generating the {options.Preset.ToString().ToLowerInvariant()} council", progress =>
            Task.Run(() => new CouncilGenerator(env.Time).Generate(
                options, Path.GetFullPath(path), new Relay<GenerationProgress>(p => progress.Report((p.Stage, p.Fraction))), ct), ct));

    public static void PrintSummary(IAnsiConsole console, GenerationSummary summary)
    {
        var table = new Table().Title($"Synthetic council as at {summary.AsOf:yyyy-MM-dd}").AddColumn("Source table").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn(new TableColumn("Planted faults").RightAligned());
        foreach (var (name, rows) in summary.RowsPerTable.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), rows.ToString("N0"), summary.FaultsPerTable.GetValueOrDefault(name).ToString("N0"));
        }
        table.AddRow("[bold]Total[/]", $"[bold]{summary.RowsPerTable.Values.Sum():N0}[/]", $"[bold]{summary.FaultsPerTable.Values.Sum():N0}[/]");
        console.Write(table);
        console.MarkupLine($"Wrote [bold]{Markup.Escape(summary.Path)}[/] in {summary.Elapsed.TotalSeconds:N1} s.");
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Etl.Benchmarks;
using Dashboard.Synthetic;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard bench etl</c>: generates a council and loads it end to end in scratch files, and prints
/// the figures docs/performance.md records: wall time, rows per second per table, peak memory, and the
/// rate of a bare prepared-insert loop over the same rows (the floor this machine allows).
/// </summary>
internal static class BenchCommand
{
    private const double EndToEndTargetSeconds = 60;
    private const double MemoryTargetGiB = 1.5;
    private const double BaselineShareTarget = 0.25;

    // Issue 16's goals for the nightly run as a whole (load and indicators in the one transaction).
    private const double RunTargetSeconds = 25;
    private const double RunBaselineShareTarget = 0.60;

    public static Command Create(CliEnvironment env)
    {
        var bench = new Command("bench", "Benchmarks that print figures for docs/performance.md.");
        bench.Subcommands.Add(Etl(env));
        bench.Subcommands.Add(BenchImportCommand.Create(env));
        bench.Subcommands.Add(BenchIndicatorsCommand.Create(env));
        bench.Subcommands.Add(BenchWebCommand.Create(env));
        bench.Subcommands.Add(BenchPacksCommand.Create(env));
        return bench;
    }

    private static Command Etl(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size.", DefaultValueFactory = _ => "large" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var years = new Option<int>("--years") { Description = "Years of history.", DefaultValueFactory = _ => 5 };
        var command = new Command("etl", "Generate a council and load it end to end in scratch files; print time, rows per second, peak memory and the bare-insert floor.")
        {
            preset, seed, years,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = Directory.CreateTempSubdirectory("dashboard-bench-");
            try
            {
                await RunAsync(env, GenerateCommand.ParsePreset(parse.GetValue(preset)!), parse.GetValue(seed), parse.GetValue(years), scratch.FullName, ct);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(CliEnvironment env, CouncilPreset preset, int seed, int years, string scratch, CancellationToken ct)
    {
        var sourcePath = Path.Combine(scratch, "source.db");
        var total = Stopwatch.StartNew();
        var summary = await GenerateCommand.GenerateAsync(env, new GeneratorOptions(preset, seed, years, AsOf: new DateOnly(2026, 3, 31)), sourcePath, ct);
        var source = new DatabaseTarget(DatabaseProvider.Sqlite, sourcePath);
        total.Stop();
        // The yardstick is measured before the run and again after it (neither is in the run's times): its mean cancels
        // the machine's drift over the minute between, which one measurement after the run carried into the share.
        // Each timed part starts settled (QuietStart), so none pays for the writes of the one before it.
        QuietStart.Settle();
        var before = await ProgressDisplay.RunAsync(env.Out, "Bare prepared-insert loop over the same rows (before the run)", () =>
            BareInsertBaseline.MeasureAsync(source, Path.Combine(scratch, "baseline-before.db"), ct));
        BareInsertBaseline.DeleteScratch(Path.Combine(scratch, "baseline-before.db"));
        QuietStart.Settle();
        total.Start();
        var options = new EtlOptions(source, new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(scratch, "warehouse.db")))
        {
            TriggerKind = "bench",
            AsOf = summary.AsOf,
        };
        var result = await EtlCommand.RunAsync(env, options, ct);
        total.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakGiB = process.PeakWorkingSet64 / (1024.0 * 1024 * 1024);

        QuietStart.Settle();
        var after = await ProgressDisplay.RunAsync(env.Out, "Bare prepared-insert loop over the same rows (after the run)", () =>
            BareInsertBaseline.MeasureAsync(source, Path.Combine(scratch, "baseline-after.db"), ct));
        var baseline = BaselineResult.MeanOf(before, after);
        env.Out.WriteLine($"bare insert, before and after the run: {before.Elapsed.TotalSeconds:N1} s and {after.Elapsed.TotalSeconds:N1} s (the yardstick is their mean)");

        Print(env.Out, preset, summary, result, baseline, total.Elapsed, peakGiB);
    }

    private static void Print(IAnsiConsole console, CouncilPreset preset, GenerationSummary summary, EtlRunResult result, BaselineResult baseline, TimeSpan endToEnd, double peakGiB)
    {
        var baselineByTable = baseline.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
        var table = new Table().Title($"ETL benchmark: {preset.ToString().ToLowerInvariant()} preset")
            .AddColumn("Source table").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn(new TableColumn("ETL s").RightAligned())
            .AddColumn(new TableColumn("ETL rows/s").RightAligned()).AddColumn(new TableColumn("Bare insert rows/s").RightAligned());
        foreach (var t in result.Tables)
        {
            var bare = baselineByTable.TryGetValue(t.SourceTable, out var b) && b.Elapsed > TimeSpan.Zero ? (b.Rows / b.Elapsed.TotalSeconds).ToString("N0") : "";
            table.AddRow(Markup.Escape(t.SourceTable), t.RowsRead.ToString("N0"), t.Elapsed.TotalSeconds.ToString("N2"),
                t.Elapsed > TimeSpan.Zero ? (t.RowsRead / t.Elapsed.TotalSeconds).ToString("N0") : "", bare);
        }
        console.Write(table);

        // The load's figures leave out the indicator step (it runs inside the same transaction); it has its own line.
        var load = result.Elapsed - result.IndicatorElapsed;
        var loadEndToEnd = endToEnd - result.IndicatorElapsed;
        var rows = result.Tables.Sum(t => t.RowsRead);
        var etlRate = rows / load.TotalSeconds;
        var bareRate = baseline.Rows / baseline.Elapsed.TotalSeconds;
        var share = etlRate / bareRate;
        console.WriteLine($"machine:                {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        console.WriteLine($"date:                   {DateTime.UtcNow:yyyy-MM-dd}");
        console.WriteLine($"rows:                   {rows:N0} source rows");
        console.WriteLine($"generate:               {summary.Elapsed.TotalSeconds:N1} s");
        console.WriteLine($"etl (load):             {load.TotalSeconds:N1} s ({etlRate:N0} rows/s)");
        console.WriteLine($"indicators:             {result.IndicatorElapsed.TotalSeconds:N1} s ({result.IndicatorRows:N0} indicator rows, {result.ExceptionRows:N0} exception rows)");
        console.WriteLine($"bare insert loop:       {baseline.Elapsed.TotalSeconds:N1} s ({bareRate:N0} rows/s)");
        console.WriteLine($"etl / bare insert rate: {share:P1} (target >= {BaselineShareTarget:P0}) {Verdict(share >= BaselineShareTarget)}");
        console.WriteLine($"end to end (load):      {loadEndToEnd.TotalSeconds:N1} s (target <= {EndToEndTargetSeconds} s) {Verdict(loadEndToEnd.TotalSeconds <= EndToEndTargetSeconds)}");
        console.WriteLine($"end to end (all):       {endToEnd.TotalSeconds:N1} s, indicators included");
        console.WriteLine($"peak memory:            {peakGiB:N2} GiB working set (target <= {MemoryTargetGiB} GiB) {Verdict(peakGiB <= MemoryTargetGiB)}");
        PrintPhases(console, result, rows, bareRate);
    }

    /// <summary>The nightly run phase by phase: where the time goes, and the run's own targets (load and indicators).</summary>
    private static void PrintPhases(IAnsiConsole console, EtlRunResult result, long rows, double bareRate)
    {
        var p = result.Phases;
        // The feed built beside the swap is inside the swap's time; the collection (zero then) only comes before a read-back.
        var prepare = result.Elapsed - p.Stage - p.Swap - p.Collect - p.Commit - p.Checkpoint - result.IndicatorElapsed;
        var figures = result.IndicatorRows;
        var exceptions = result.ExceptionRows;
        var table = new Table().Title("The nightly run, phase by phase")
            .AddColumn("Phase").AddColumn(new TableColumn("s").RightAligned()).AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn(new TableColumn("Rows/s").RightAligned());
        void Row(string phase, TimeSpan time, long? count) => table.AddRow(phase, time.TotalSeconds.ToString("N1"), count?.ToString("N0") ?? "",
            count is { } n && time > TimeSpan.Zero ? (n / time.TotalSeconds).ToString("N0") : "");
        Row("prepare (migrations, seeds, lock, run row, source)", prepare, null);
        Row("read, validate and stage (2 threads)", p.Stage, rows);
        Row($"  of which collections' pauses ({p.StageGc.Gen0:N0} gen0, {p.StageGc.Gen1:N0} gen1, {p.StageGc.Gen2:N0} gen2)", p.StageGc.Pause, null);
        Row("swap, quarantine and table audit", p.Swap, rows);
        if (p.FeedBesideSwap)
        {
            Row("  beside it: feeding the engine", p.IndicatorFeed, null);
            Row("indicators: waiting for the feed after the swap", p.FeedWait, null);
        }
        else
        {
            Row("collecting the load's garbage", p.Collect, null);
            Row("indicators: feeding the engine", p.IndicatorFeed, null);
        }
        Row("indicators: computing (beside the storing)", p.IndicatorCompute, figures + exceptions);
        Row("indicators: storing figures", p.IndicatorFigures, figures);
        Row("indicators: storing exception rows", p.IndicatorExceptions, exceptions);
        Row("commit", p.Commit, null);
        Row("checkpoint (after the commit: figures readable)", p.Checkpoint, null);
        Row("the whole run (one transaction)", result.Elapsed, rows);
        console.Write(table);

        var runRate = rows / result.Elapsed.TotalSeconds;
        var runShare = runRate / bareRate;
        console.WriteLine($"run (load + indicators):  {result.Elapsed.TotalSeconds:N1} s (target <= {RunTargetSeconds} s) {Verdict(result.Elapsed.TotalSeconds <= RunTargetSeconds)}");
        console.WriteLine($"figures readable after:   {(result.Elapsed - p.Checkpoint).TotalSeconds:N1} s (the run less the checkpoint that follows its commit)");
        var load = result.Elapsed - result.IndicatorElapsed;
        var loadShare = rows / load.TotalSeconds / bareRate;
        console.WriteLine($"load / bare insert rate:  {loadShare:P1} (target >= {RunBaselineShareTarget:P0}) {Verdict(loadShare >= RunBaselineShareTarget)}; whole run {runShare:P0}");
    }

    private static string Verdict(bool met) => met ? "met" : "NOT MET";
}

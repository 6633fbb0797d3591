using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Cli.Hosting;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.Indicators;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard bench indicators</c>: generates and loads a council in scratch files, then times the
/// indicator engine over the loaded warehouse: every indicator, every month, every scope, with the exception
/// rows of every month. Prints the figures docs/performance.md records.
/// </summary>
internal static class BenchIndicatorsCommand
{
    private const double TargetSeconds = 20;
    private const double MemoryTargetGiB = 1.5;

    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size.", DefaultValueFactory = _ => "large" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("indicators", "Generate and load a council in scratch files, then time every indicator for every month and scope.")
        {
            preset, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = Directory.CreateTempSubdirectory("dashboard-bench-");
            try
            {
                await RunAsync(env, GenerateCommand.ParsePreset(parse.GetValue(preset)!), parse.GetValue(seed), scratch.FullName, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                scratch.Delete(recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(CliEnvironment env, CouncilPreset preset, int seed, string scratch, CancellationToken ct)
    {
        var sourcePath = Path.Combine(scratch, "source.db");
        var warehouse = new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(scratch, "warehouse.db")}");
        var summary = await GenerateCommand.GenerateAsync(env, new GeneratorOptions(preset, seed, 5, AsOf: new DateOnly(2026, 3, 31)), sourcePath, ct);
        var load = await EtlCommand.RunAsync(env, new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, sourcePath), warehouse)
        {
            TriggerKind = "bench",
            AsOf = summary.AsOf,
        }, ct);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakAfterLoadGiB = process.PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        GC.Collect();
        var read = Stopwatch.StartNew();
        CaseFacts facts;
        await using (var connection = await Warehouse.Connect(warehouse).OpenAsync(ct))
        {
            facts = await CaseFactsReader.ReadAsync(connection, null, load.LoadId, ct);
        }
        read.Stop();
        GC.Collect();

        var (build, engine, results, exceptions, months) = await ProgressDisplay.RunAsync(env.Out, "Every indicator, month and scope", progress =>
            Task.Run(() => Measure(facts, progress), ct));

        process.Refresh();
        var peakGiB = process.PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        var total = build + engine;
        var console = env.Out;
        console.WriteLine($"machine:              {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        console.WriteLine($"date:                 {DateTime.UtcNow:yyyy-MM-dd}");
        console.WriteLine($"preset:               {preset.ToString().ToLowerInvariant()}, {load.RowsRead:N0} source rows, {FactRows(facts):N0} facts read back");
        console.WriteLine($"months x indicators:  {months:N0} months x {Dashboard.Core.Indicators.Catalogue.IndicatorCatalogue.All.Count} indicators, every scope");
        console.WriteLine($"results:              {results:N0} figures, {exceptions:N0} exception rows (every month)");
        console.WriteLine($"read facts:           {read.Elapsed.TotalSeconds:N1} s (warehouse -> memory)");
        console.WriteLine($"build lookups:        {build.TotalSeconds:N1} s");
        console.WriteLine($"engine:               {engine.TotalSeconds:N1} s");
        console.WriteLine($"indicators total:     {total.TotalSeconds:N1} s (target <= {TargetSeconds} s) {(total.TotalSeconds <= TargetSeconds ? "met" : "NOT MET")}");
        console.WriteLine($"nightly step:         {load.IndicatorElapsed.TotalSeconds:N1} s inside the load (read back, compute, store; exception rows for 13 months)");
        // The process's peak cannot be reset, so the engine's own peak shows only if it rose above the load's.
        var engineOwnPeak = peakGiB > peakAfterLoadGiB ? $"{peakGiB:N2} GiB" : $"below the load's {peakAfterLoadGiB:N2} GiB";
        console.WriteLine($"peak memory, load:    {peakAfterLoadGiB:N2} GiB working set (generate + ETL + nightly indicators)");
        console.WriteLine($"peak memory, engine:  {engineOwnPeak} (read back + every indicator, month and scope; target <= {MemoryTargetGiB} GiB) {(peakGiB <= MemoryTargetGiB || peakGiB <= peakAfterLoadGiB ? "met" : "NOT MET")}");
    }

    private static (TimeSpan Build, TimeSpan Engine, long Results, long Exceptions, int Months) Measure(CaseFacts facts, IProgress<(string, double)> progress)
    {
        var build = Stopwatch.StartNew();
        var data = new CaseData(facts);
        build.Stop();
        var engine = Stopwatch.StartNew();
        long results = 0, exceptions = 0;
        var indicators = Dashboard.Core.Indicators.Catalogue.IndicatorCatalogue.All;
        var months = Dashboard.Core.Indicators.Month.Range(data.FirstMonth, data.LastMonth).Count();
        var done = 0;
        foreach (var output in new IndicatorEngine().Stream(data, IndicatorSettings.Default, new EngineOptions { Exceptions = ExceptionMonths.All }))
        {
            results += output.Results.Count;
            exceptions += output.Exceptions.Count;
            if (++done % months == 0) progress.Report(($"{output.IndicatorId}", (double)done / (months * indicators.Count)));
        }
        engine.Stop();
        return (build.Elapsed, engine.Elapsed, results, exceptions, months);
    }

    private static long FactRows(CaseFacts f) =>
        (long)f.Contacts.Count + f.Referrals.Count + f.Assessments.Count + f.CinPlans.Count + f.CinVisits.Count + f.S47Enquiries.Count
        + f.StrategyDiscussions.Count + f.MeetingAttendance.Count + f.Icpcs.Count + f.CpPlans.Count + f.CpVisits.Count + f.CpReviews.Count
        + f.ClaEpisodes.Count + f.Placements.Count + f.ClaVisits.Count + f.ClaReviews.Count + f.LegalStatuses.Count + f.CareLeavers.Count
        + f.Oversight.Count + f.Involvements.Count;
}

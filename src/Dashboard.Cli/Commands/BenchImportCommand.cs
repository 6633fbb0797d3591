using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Etl;
using Dashboard.Returns;
using Dashboard.Returns.Import;
using Dashboard.Synthetic;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard bench import</c>: generates a council, writes it as the three statutory returns, imports them and loads the
/// result end to end in scratch files, and prints what docs/performance.md records: the import's rows per second, the
/// load, the two together against the target (60 s on 2 cores for the large council) and peak memory.
/// </summary>
internal static class BenchImportCommand
{
    private const double TargetSeconds = 60;
    private const double MemoryTargetGiB = 1.5;

    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size.", DefaultValueFactory = _ => "large" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var years = new Option<int>("--years") { Description = "Years of history (census years written).", DefaultValueFactory = _ => 5 };
        var command = new Command("import", "Write a generated council as CIN census, SSDA903 and Annex A files, import and load them; print rows/s, time and peak memory.")
        {
            preset, years,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = Directory.CreateTempSubdirectory("dashboard-bench-import-");
            try
            {
                await RunAsync(env, GenerateCommand.ParsePreset(parse.GetValue(preset)!), parse.GetValue(years), scratch.FullName, ct);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(CliEnvironment env, CouncilPreset preset, int years, string scratch, CancellationToken ct)
    {
        var asOf = new DateOnly(2026, 3, 31);
        var ssd = Path.Combine(scratch, "ssd.db");
        await GenerateCommand.GenerateAsync(env, new GeneratorOptions(preset, 1, years, AsOf: asOf), ssd, ct);

        var write = Stopwatch.StartNew();
        var files = ReturnFiles.WriteAll(ssd, scratch, new ReturnWriteOptions(asOf, years), ct);
        write.Stop();
        var bytes = files.Values.SelectMany(f => f).Sum(f => new FileInfo(f).Length);

        var timed = Stopwatch.StartNew();
        var request = ReturnFiles.Request(files, Path.Combine(scratch, "returns.db"));
        var imported = await ImportCommand.RunAsync(env, request, ct);
        var importElapsed = timed.Elapsed;
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, imported.Path), new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(scratch, "warehouse.db")))
        {
            TriggerKind = "bench",
        };
        var loaded = await EtlCommand.RunAsync(env, options, ct);
        timed.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakGiB = process.PeakWorkingSet64 / (1024.0 * 1024 * 1024);

        var records = imported.Returns.Sum(r => r.Records);
        var rows = imported.RowsPerTable.Values.Sum();
        var console = env.Out;
        console.WriteLine($"machine:             {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        console.WriteLine($"date:                {DateTime.UtcNow:yyyy-MM-dd}");
        console.WriteLine($"preset:              {preset.ToString().ToLowerInvariant()}, {years} years as at {asOf:yyyy-MM-dd}");
        console.WriteLine($"returns written:     {write.Elapsed.TotalSeconds:N1} s, {files.Values.Sum(f => f.Count)} files, {bytes / 1048576.0:N1} MiB (not timed below)");
        foreach (var r in imported.Returns)
        {
            console.WriteLine($"  {r.Provenance.Return.Name(),-17}  {r.Records:N0} records, {r.Rejected:N0} rejected, {r.Provenance.Files.Count} files");
        }
        console.WriteLine($"import:              {importElapsed.TotalSeconds:N1} s ({records / importElapsed.TotalSeconds:N0} records/s, {rows:N0} SSD rows written, {rows / importElapsed.TotalSeconds:N0} rows/s)");
        console.WriteLine($"etl (load):          {(loaded.Elapsed - loaded.IndicatorElapsed).TotalSeconds:N1} s ({loaded.Tables.Sum(t => t.RowsRead):N0} rows read, {loaded.Status})");
        console.WriteLine($"indicators:          {loaded.IndicatorElapsed.TotalSeconds:N1} s ({loaded.IndicatorRows:N0} indicator rows)");
        console.WriteLine($"import + etl:        {timed.Elapsed.TotalSeconds:N1} s (target <= {TargetSeconds} s) {(timed.Elapsed.TotalSeconds <= TargetSeconds ? "met" : "NOT MET")}");
        console.WriteLine($"peak memory:         {peakGiB:N2} GiB working set (target <= {MemoryTargetGiB} GiB) {(peakGiB <= MemoryTargetGiB ? "met" : "NOT MET")}");
    }
}

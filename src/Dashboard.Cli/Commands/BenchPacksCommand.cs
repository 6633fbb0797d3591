using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Cli.Benchmarks;
using Dashboard.Cli.Hosting;
using Dashboard.Data;
using Dashboard.Reports;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>dashboard bench packs</c>: makes every available pack from a loaded council, timing each and reporting the
/// peak memory of this process and of the Chromium processes that print the PDFs. Figures go to docs/performance.md.
/// </summary>
internal static class BenchPacksCommand
{
    private const double MemoryTargetGiB = 1.5;

    private static readonly Dictionary<PackKind, double> TargetSeconds = new()
    {
        [PackKind.Councillor] = 5,
        [PackKind.Monitoring] = 30,
        [PackKind.AnnexA] = 15,
    };

    public static Command Create(CliEnvironment env)
    {
        var preset = new Option<string>("--preset") { Description = "Council size to generate and load when no --warehouse is given.", DefaultValueFactory = _ => "large" };
        preset.AcceptOnlyFromAmong("scilly", "small", "medium", "large");
        var warehouse = new Option<string?>("--warehouse") { Description = "An already loaded SQLite warehouse to make the packs from." };
        var runs = new Option<int>("--runs") { Description = "Times each pack is made (the median is reported).", DefaultValueFactory = _ => 3 };
        var only = new Option<string?>("--pack") { Description = "Time only this pack (default: every pack), for comparing one pack's runs before and after a change." };
        only.AcceptOnlyFromAmong([.. Packs.Available.Select(Packs.Name)]);
        var command = new Command("packs", "Time every pack on a loaded council, with peak memory.") { preset, warehouse, runs, only };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = Directory.CreateTempSubdirectory("dashboard-bench-packs-");
            try
            {
                var path = parse.GetValue(warehouse) is { } given ? Path.GetFullPath(given) : await BenchWebCommand.LoadAsync(env, parse.GetValue(preset)!, scratch.FullName, ct);
                var kinds = parse.GetValue(only) is { } name ? [Packs.Parse(name)] : Packs.Available;
                await RunAsync(env, path, scratch.FullName, kinds, Math.Max(1, parse.GetValue(runs)), ct);
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

    private static async Task RunAsync(CliEnvironment env, string warehousePath, string scratch, IReadOnlyList<PackKind> kinds, int runs, CancellationToken ct)
    {
        var settings = DashboardSettings.From(env.Configuration) with { Warehouse = new DatabaseTarget(DatabaseProvider.Sqlite, warehousePath) };
        await WarehouseSetup.PrepareAsync(Warehouse.Connect(settings.Warehouse), ct);
        var context = PackCommand.Context(env, settings);
        var table = new Table().Title($"Packs from {Markup.Escape(warehousePath)}").AddColumn("Pack")
            .AddColumn(new TableColumn("Median s").RightAligned()).AddColumn(new TableColumn("Slowest s").RightAligned())
            .AddColumn(new TableColumn("File").RightAligned()).AddColumn(new TableColumn("Chromium peak").RightAligned()).AddColumn("Target");
        long chromiumPeak = 0;
        foreach (var kind in kinds)
        {
            foreach (var format in Packs.Formats(kind))
            {
                var times = new List<double>();
                long size = 0;
                await using var chromium = new ChromiumMemory();
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var file = await Packs.WriteAsync(kind, format, context, Path.Combine(scratch, $"{Packs.Name(kind)}-{i}"), ct);
                    times.Add(clock.Elapsed.TotalSeconds);
                    size = new FileInfo(file).Length;
                }
                times.Sort();
                var median = times[times.Count / 2];
                chromiumPeak = Math.Max(chromiumPeak, chromium.PeakBytes);
                var target = TargetSeconds[kind];
                table.AddRow($"{Packs.Name(kind)} ({format.ToString().ToLowerInvariant()})", median.ToString("N1"), times[^1].ToString("N1"),
                    $"{size / 1024.0:N0} KiB", format == PackFormat.Pdf ? $"{chromium.PeakBytes / 1048576.0:N0} MiB" : "",
                    $"<= {target} s {(median <= target ? "met" : "NOT MET")}");
            }
        }
        env.Out.Write(table);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var dotnetGiB = process.PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        var totalGiB = dotnetGiB + (chromiumPeak / (1024.0 * 1024 * 1024));
        env.Out.WriteLine($"machine:          {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        env.Out.WriteLine($"date:             {DateTime.UtcNow:yyyy-MM-dd}");
        env.Out.WriteLine($"peak memory:      {dotnetGiB:N2} GiB this process + {chromiumPeak / (1024.0 * 1024 * 1024):N2} GiB Chromium = {totalGiB:N2} GiB (target <= {MemoryTargetGiB} GiB) {(totalGiB <= MemoryTargetGiB ? "met" : "NOT MET")}");
    }
}

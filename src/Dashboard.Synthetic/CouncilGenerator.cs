using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Dashboard.Core.Ssd;
using Dashboard.Synthetic.Output;
using Dashboard.Synthetic.Simulation;

namespace Dashboard.Synthetic;

/// <summary>
/// Writes a synthetic council's SSD extract to a SQLite file. The simulation runs on one thread and the
/// writer on the calling thread, joined by a small pool of reusable row buffers, so memory stays flat whatever the preset.
/// The file is written next to the target under a temporary name and moved into place only when complete.
/// </summary>
public sealed class CouncilGenerator
{
    /// <summary>Row buffers in flight between the simulation and the writer: this bounds memory.</summary>
    private const int PooledBuffers = 4;

    private readonly TimeProvider _time;

    /// <param name="time">Gives "today" when <see cref="GeneratorOptions.AsOf"/> is not set, and times the run.</param>
    public CouncilGenerator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    public GenerationSummary Generate(GeneratorOptions options, string outPath, IProgress<GenerationProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var asOf = options.AsOf ?? DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        options.Validate(asOf);
        var started = _time.GetTimestamp();
        var (target, temporary) = OutputFile.Prepare(outPath);

        try
        {
            var calendar = new SimCalendar(asOf, options.Years);
            long[] rows;
            long[] faults;
            using (var sink = SqliteSink.Create(temporary, calendar))
            {
                faults = Pump(options, calendar, sink, progress, ct);
                progress?.Report(new GenerationProgress("Saving", 0.98));
                sink.Commit();
                rows = sink.RowsWritten;
            }
            OutputFile.Publish(temporary, target);
            progress?.Report(new GenerationProgress("Done", 1.0));
            return new GenerationSummary(target, asOf, PerTable(rows), PerTable(faults), _time.GetElapsedTime(started));
        }
        catch
        {
            OutputFile.TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Runs the simulation on a worker thread and writes its buffers here; returns faults planted per table.</summary>
    private static long[] Pump(GeneratorOptions options, SimCalendar calendar, SqliteSink sink, IProgress<GenerationProgress>? progress,
        CancellationToken ct)
    {
        using var free = new BlockingCollection<RowBuffer>();
        using var full = new BlockingCollection<RowBuffer>();
        for (var i = 0; i < PooledBuffers; i++) free.Add(new RowBuffer(), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var enabled = SsdSchema.All.Select(t =>
            (options.IncludeEarlyHelp || t != SsdSchema.EarlyHelpEpisodes) && (options.IncludeExtensions || !t.IsExtension)).ToArray();
        var faults = new FaultPlanter(options.FaultRate, options.Seed, calendar.AsOf);

        var simulation = Task.Factory.StartNew(() =>
        {
            try
            {
                CouncilSimulation.Run(options, calendar, new RowSink(enabled, faults, free, full, stop.Token), stop.Token);
            }
            finally
            {
                full.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var reported = -1.0;
            foreach (var buffer in full.GetConsumingEnumerable(stop.Token))
            {
                sink.Write(buffer);
                var (stage, fraction) = (buffer.Stage, buffer.Fraction);
                free.Add(buffer, stop.Token);
                if (progress is not null && fraction - reported >= 0.01)
                {
                    reported = fraction;
                    progress.Report(new GenerationProgress(stage, fraction));
                }
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                simulation.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The writer's own exception is the one that matters.
            }
            throw;
        }

        try
        {
            simulation.Wait(CancellationToken.None);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        ct.ThrowIfCancellationRequested();
        return faults.Planted;
    }

    private static Dictionary<string, long> PerTable(long[] counts) =>
        SsdSchema.All.Select((t, i) => (t.Name, counts[i])).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal);
}

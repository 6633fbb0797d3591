using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dashboard.Etl.Load;

/// <summary>
/// Overlaps the two halves of staging a table: a worker thread runs the source side (read, validate, map) while
/// the caller's thread writes the rows into the warehouse, joined by a small bounded queue of row batches (so
/// memory stays flat). The worker is always finished before this enumeration ends, whether it ends normally,
/// with the worker's exception (rethrown here as it was), or because the consumer stopped early. The nightly
/// indicator step uses it the same way: the engine computes on the worker while the caller stores figures.
/// </summary>
internal static class Pipelined
{
    private const int BatchSize = 512;
    private const int QueuedBatches = 16;

    public static IEnumerable<T> Run<T>(IEnumerable<T> source, int batchSize = BatchSize)
    {
        using var queue = new BlockingCollection<T[]>(QueuedBatches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var row in source)
                {
                    batch.Add(row);
                    if (batch.Count < batchSize) continue;
                    queue.Add([.. batch], stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) queue.Add([.. batch], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early; it has its own exception to report.
            }
#pragma warning disable CA1031 // handed to the consumer's thread and rethrown there unchanged
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var row in batch) yield return row;
            }
            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            if (!producer.IsCompleted)
            {
                stop.Cancel();
                producer.Wait();
            }
        }
    }
}

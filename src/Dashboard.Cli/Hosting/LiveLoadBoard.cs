using Dashboard.Data;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Etl;
using Spectre.Console;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// Runs a load with its progress put on the warehouse's progress board as well as wherever the command shows it, so the
/// data quality page can show the load live (docs/warehouse.md, "Progress of a running load"). Composed here rather than
/// in the ETL so the load itself knows nothing of who watches it; the board ends marked succeeded or failed.
/// </summary>
internal static class LiveLoadBoard
{
    /// <param name="shown">Where the command shows progress itself (a progress bar), or null.</param>
    /// <param name="load">Runs the load with the progress to report to.</param>
    public static async Task<EtlRunResult> RunAsync(
        DatabaseTarget warehouse, TimeProvider time, IAnsiConsole console, IProgress<EtlProgress>? shown,
        Func<IProgress<EtlProgress>, Task<EtlRunResult>> load)
    {
        var connections = Warehouse.Connect(warehouse);
        if (LoadProgressBoards.For(connections) is not { } board) return await load(shown ?? new Relay<EtlProgress>(_ => { }));
        var since = time.GetUtcNow();
        var writer = new LoadProgressWriter(board, LockOwner.CurrentProcess(), time, ct => RunningLoad.IdAsync(connections, since, ct));
        var both = new Relay<EtlProgress>(p =>
        {
            shown?.Report(p);
            writer.Report(p.Stage, p.Table, p.Fraction);
        });
        try
        {
            var result = await load(both);
            await writer.CompleteAsync(LoadOutcomes.Succeeded, result.LoadId);
            return result;
        }
        catch
        {
            await writer.CompleteAsync(LoadOutcomes.Failed, null);
            throw;
        }
        finally
        {
            // Only the last write matters to a reader; one that failed earlier (the table before the first migration) was replaced.
            if (!writer.LastWriteSucceeded)
            {
                console.MarkupLine($"[yellow]Warning:[/] the load's progress board could not be written ({Markup.Escape(writer.LastError ?? "unknown error")}), so the data quality page may not show how this load ended until the page is reloaded.");
            }
        }
    }
}

using Dashboard.Core.Ssd;
using Dashboard.Data;

namespace Dashboard.Etl.Source;

/// <summary>
/// Runs the duplicate-key queries (GROUP BY ... HAVING COUNT(*) &gt; 1) for every table ahead of the main
/// pipeline, in the order it will need them, on a second read-only source connection. Those queries sort a
/// whole table each, so running them alongside the extract takes them off the critical path.
/// </summary>
public sealed class DuplicateScan : IAsyncDisposable
{
    private readonly Dictionary<string, TaskCompletionSource<IReadOnlySet<string>>> _results = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop;
    private readonly Task _worker;

    private DuplicateScan(DatabaseTarget source, IReadOnlyList<SsdTable> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            _results[table.Name] = new TaskCompletionSource<IReadOnlySet<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _worker = Task.Run(() => ScanAsync(source, tables, _stop.Token), CancellationToken.None);
    }

    /// <summary>Starts scanning <paramref name="tables"/> (present ones only) in the given order.</summary>
    public static DuplicateScan Start(DatabaseTarget source, IReadOnlyList<SsdTable> tables, CancellationToken ct) => new(source, tables, ct);

    /// <summary>The duplicated keys of a table, as <see cref="SourceDatabase.DuplicateKeysAsync"/> gives them.</summary>
    public Task<IReadOnlySet<string>> For(SsdTable table) => _results[table.Name].Task;

    private async Task ScanAsync(DatabaseTarget source, IReadOnlyList<SsdTable> tables, CancellationToken ct)
    {
        var next = 0;
        try
        {
            await using var database = await SourceDatabase.OpenAsync(source, ct);
            for (; next < tables.Count; next++)
            {
                _results[tables[next].Name].TrySetResult(await database.DuplicateKeysAsync(tables[next], ct));
            }
        }
#pragma warning disable CA1031 // every failure is handed to whoever awaits the table's result
        catch (Exception ex)
#pragma warning restore CA1031
        {
            for (; next < tables.Count; next++) _results[tables[next].Name].TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _worker;
        _stop.Dispose();
    }
}

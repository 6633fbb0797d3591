using System.Data.Common;
using System.Diagnostics;
using Dashboard.Data;

namespace Dashboard.Etl.Load;

/// <summary>
/// Replaces one table's rows whole inside the caller's transaction: empties it and sets its indexes aside
/// (<see cref="DeferredIndexes"/>), takes rows as they come and writes them through the bulk writer (positional
/// binding, one prepared statement per batch) in batches, then builds the indexes once at the end. Keeps the time
/// spent in all of that, for the run's phase figures.
/// </summary>
internal sealed class TableWriter
{
    private const int BatchRows = 50_000;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IBulkWriter _writer;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly DeferredIndexes _indexes;
    private readonly List<object?[]> _pending = new(BatchRows);
    private readonly Stopwatch _clock = new();
    private TimeSpan _emptying;

    private TableWriter(DbConnection connection, DbTransaction transaction, IBulkWriter writer, string table, string[] columns, DeferredIndexes indexes)
    {
        _connection = connection;
        _transaction = transaction;
        _writer = writer;
        _table = table;
        _columns = columns;
        _indexes = indexes;
    }

    /// <summary>Rows written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Time spent emptying, writing and indexing the table.</summary>
    public TimeSpan Elapsed => _emptying + _clock.Elapsed;

    /// <summary>Empties <paramref name="table"/> (names are the ETL's own constants) and drops its indexes until <see cref="FinishAsync"/>.</summary>
    public static async Task<TableWriter> StartAsync(
        DbConnection connection, DbTransaction transaction, IBulkWriter writer, string table, string[] columns, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Indexes first: the DELETE then has none to keep up to date.
        var indexes = await DeferredIndexes.DropAsync(connection, transaction, table, ct);
        await Sql.ExecuteAsync(connection, transaction, $"DELETE FROM {table}", ct);
        return new TableWriter(connection, transaction, writer, table, columns, indexes) { _emptying = clock.Elapsed };
    }

    /// <summary>Queues rows, writing a batch whenever one is full.</summary>
    public async Task AddAsync(List<object?[]> rows, CancellationToken ct)
    {
        _pending.AddRange(rows);
        if (_pending.Count >= BatchRows) await FlushAsync(ct);
    }

    /// <summary>Writes what is left and builds the indexes.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        _clock.Start();
        await _indexes.RebuildAsync(ct);
        _clock.Stop();
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        _clock.Start();
        Written += await _writer.WriteAsync(_connection, _transaction, _table, _columns, _pending, ct);
        _clock.Stop();
        _pending.Clear();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Load;

/// <summary>
/// A table's secondary indexes, dropped before a table is refilled whole and built again afterwards, inside the
/// caller's transaction (SQLite's DDL is transactional: a failed run rolls the drop back with everything else, and
/// readers see the old table and indexes until the commit). Building an index once from a full table is a sort;
/// keeping it up to date row by row is a B-tree descent per row into pages that no longer fit the page cache, and
/// with several indexes on a large table that cost more than the inserts themselves (docs/performance.md). The
/// definitions are read from the schema, so the migrations stay the only place an index is declared. On other
/// databases (SQL Server) nothing is dropped: its bulk copy maintains indexes well.
/// </summary>
internal sealed class DeferredIndexes
{
    private const string IndexesSql =
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly List<(string Name, string Sql)> _indexes;

    private DeferredIndexes(DbConnection connection, DbTransaction transaction, List<(string Name, string Sql)> indexes)
    {
        _connection = connection;
        _transaction = transaction;
        _indexes = indexes;
    }

    /// <summary>How many indexes were dropped (and will be built by <see cref="RebuildAsync"/>).</summary>
    public int Count => _indexes.Count;

    /// <summary>Drops the table's indexes (SQLite only; elsewhere returns an instance that does nothing).</summary>
    public static async Task<DeferredIndexes> DropAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct)
    {
        var indexes = new List<(string, string)>();
        if (connection is not SqliteConnection) return new DeferredIndexes(connection, transaction, indexes);
        await using (var command = Sql.Command(connection, transaction, IndexesSql, ("@table", table)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        // Names come from the warehouse's own schema (our migrations), quoted all the same.
        foreach (var (name, _) in indexes) await Sql.ExecuteAsync(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        return new DeferredIndexes(connection, transaction, indexes);
    }

    /// <summary>Builds the dropped indexes again, exactly as they were declared.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        foreach (var (_, sql) in _indexes) await Sql.ExecuteAsync(_connection, _transaction, sql, ct);
    }
}

using System.Data.Common;

namespace Dashboard.Data;

/// <summary>
/// Writes many rows into one table fast: SQLite through batched prepared inserts inside the caller's
/// transaction; SQL Server through SqlBulkCopy. Values are CLR primitives (string, long, int, double,
/// decimal, bool, DateOnly as ISO text or null).
/// </summary>
public interface IBulkWriter
{
    /// <summary>Writes the rows and returns how many were written.</summary>
    Task<long> WriteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default);
}

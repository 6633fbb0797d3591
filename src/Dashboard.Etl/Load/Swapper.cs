using System.Data.Common;
using Dashboard.Data;

namespace Dashboard.Etl.Load;

/// <summary>
/// Replaces one target's content with its staging table's, changing only what changed, inside the caller's
/// swap transaction:
/// <list type="number">
/// <item>delete target rows whose business key is gone from staging or whose row_hash differs (never the
/// unknown member 0 of a dimension);</item>
/// <item>insert staging rows whose business key is not (or no longer) in the target.</item>
/// </list>
/// Unchanged rows are not touched, so they keep the load_id of the run that last changed them.
/// </summary>
public static class Swapper
{
    public static async Task<(long Inserted, long Deleted)> SwapAsync(
        DbConnection connection, DbTransaction transaction, ISqlDialect dialect, StagingArea staging, TargetTable target, CancellationToken ct)
    {
        var stagingName = staging.NameOf(target.Name);
        string insert;
        long deleted = 0;
        if (await IsEmptyAsync(connection, transaction, dialect, target, ct))
        {
            // First load of this table: every staged row is new (staged keys are unique), so no lookups are needed.
            insert = InsertAllSql(target, stagingName);
        }
        else
        {
            await staging.IndexAsync(transaction, target, ct);
            deleted = await Sql.ExecuteAsync(connection, transaction, DeleteSql(target, stagingName), ct);
            insert = InsertSql(target, stagingName);
        }
        var inserted = await Sql.ExecuteAsync(connection, transaction, insert, ct);
        return (inserted, deleted);
    }

    /// <summary>True when the target holds no rows (apart from a dimension's unknown member).</summary>
    private static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TargetTable target, CancellationToken ct)
    {
        var where = target.SurrogateKey is { } surrogate ? $" WHERE {surrogate} <> 0" : "";
        return await Sql.ScalarAsync(connection, transaction, dialect.Limit($"SELECT 1 FROM {target.Name}{where}", 1), ct) is null;
    }

    /// <summary>INSERT INTO t (...) SELECT ... FROM staging: for an empty target.</summary>
    public static string InsertAllSql(TargetTable target, string staging)
    {
        var columns = string.Join(", ", target.StagingColumns);
        return $"INSERT INTO {target.Name} ({columns}) SELECT {columns} FROM {staging}";
    }

    /// <summary>DELETE FROM t WHERE [key &lt;&gt; 0 AND] NOT EXISTS (same key and same hash in staging).</summary>
    public static string DeleteSql(TargetTable target, string staging)
    {
        var keep = target.SurrogateKey is { } surrogate ? $"{surrogate} <> 0 AND " : "";
        var match = string.Join(" AND ", target.Key.Select(k => $"s.{k} = {target.Name}.{k}"));
        return $"DELETE FROM {target.Name} WHERE {keep}NOT EXISTS (SELECT 1 FROM {staging} s WHERE {match} " +
               $"AND s.{TargetTable.RowHashColumn} = {target.Name}.{TargetTable.RowHashColumn})";
    }

    /// <summary>INSERT INTO t (...) SELECT ... FROM staging s WHERE NOT EXISTS (same key in t).</summary>
    public static string InsertSql(TargetTable target, string staging)
    {
        var columns = string.Join(", ", target.StagingColumns);
        var selected = string.Join(", ", target.StagingColumns.Select(c => "s." + c));
        var match = string.Join(" AND ", target.Key.Select(k => $"t.{k} = s.{k}"));
        return $"INSERT INTO {target.Name} ({columns}) SELECT {selected} FROM {staging} s " +
               $"WHERE NOT EXISTS (SELECT 1 FROM {target.Name} t WHERE {match})";
    }

    /// <summary>Moves the staged quarantine rows into etl_quarantine (in the order they were found).</summary>
    public static Task<int> InsertQuarantineAsync(DbConnection connection, DbTransaction transaction, string staging, CancellationToken ct)
    {
        // Quoted: "rule" is a reserved word in T-SQL (SQL Server refuses it bare; SQLite accepts either).
        var columns = string.Join(", ", StagingArea.QuarantineColumns.Select(c => $"\"{c}\""));
        return Sql.ExecuteAsync(connection, transaction,
            $"INSERT INTO {StagingArea.QuarantineTable} ({columns}) SELECT {columns} FROM {staging}", ct);
    }
}

namespace Dashboard.Data;

/// <summary>The few places where SQLite and SQL Server differ. Everything else is portable SQL.
/// Names passed in must be plain identifiers (letters, digits, underscores); anything else is refused
/// with an ArgumentException, so no value can ever reach the SQL text through here.</summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>SQL that creates an empty session-scoped staging table with the same columns as
    /// <paramref name="targetTable"/> (SQLite: a TEMP table; SQL Server: a #temp table).
    /// Returns the name to use for the staging table in later statements. Any staging table of that name
    /// left on the connection (pooled connections keep SQLite TEMP tables) is dropped first. Constraints,
    /// indexes and IDENTITY are not copied.</summary>
    (string Sql, string StagingName) CreateStagingLike(string targetTable, string stagingBaseName);

    /// <summary>SQL that drops the staging table if it exists.</summary>
    string DropStaging(string stagingName);

    /// <summary>A null-safe equality of two column expressions (SQLite: a IS b; SQL Server: spelled out).</summary>
    string NullSafeEquals(string left, string right);

    /// <summary>Limit a SELECT to n rows: appended (SQLite LIMIT) or placed after SELECT (SQL Server TOP).
    /// Returns the full statement.</summary>
    string Limit(string selectWithoutLimit, int rows);

    /// <summary>One page of an ordered SELECT: skip <paramref name="offset"/> rows, then take at most
    /// <paramref name="rows"/>, at least 1 (SQLite: LIMIT .. OFFSET; SQL Server: OFFSET .. FETCH NEXT). The statement must end
    /// with its ORDER BY. Returns the full statement.</summary>
    string Page(string orderedSelect, int offset, int rows) =>
        throw new NotSupportedException($"{GetType().Name} does not page SELECT statements.");

    /// <summary>An INSERT of one row that returns the key the database assigned (SQLite: RETURNING; SQL Server:
    /// OUTPUT INSERTED). Values are parameters named after the columns: <c>@column</c>. Run it with
    /// ExecuteScalar; e.g. the load_id of a new etl_load_run row.</summary>
    string InsertReturningKey(string table, IReadOnlyList<string> columns, string keyColumn) =>
        throw new NotSupportedException($"{GetType().Name} does not build INSERT ... RETURNING statements.");
}

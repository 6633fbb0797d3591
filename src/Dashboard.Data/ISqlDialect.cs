namespace Dashboard.Data;

/// <summary>The few places where SQLite and SQL Server differ. Everything else is portable SQL.</summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>SQL that creates an empty session-scoped staging table with the same columns as
    /// <paramref name="targetTable"/> (SQLite: a TEMP table; SQL Server: a #temp table).
    /// Returns the name to use for the staging table in later statements.</summary>
    (string Sql, string StagingName) CreateStagingLike(string targetTable, string stagingBaseName);

    /// <summary>SQL that drops the staging table if it exists.</summary>
    string DropStaging(string stagingName);

    /// <summary>A null-safe equality of two column expressions (SQLite: a IS b; SQL Server: spelled out).</summary>
    string NullSafeEquals(string left, string right);

    /// <summary>Limit a SELECT to n rows: appended (SQLite LIMIT) or placed after SELECT (SQL Server TOP).
    /// Returns the full statement.</summary>
    string Limit(string selectWithoutLimit, int rows);
}

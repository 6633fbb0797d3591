using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data;

/// <summary>Which database engine a connection string is for.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>A database to read from or write to: the engine and its connection string.
/// For SQLite the connection string may be just a file path (no '='), meaning <c>Data Source=&lt;path&gt;</c>.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The target described for logs, audit rows and messages: server and database or file,
    /// never a password or user name.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => DescribeSqlite(ConnectionString),
        DatabaseProvider.SqlServer => DescribeSqlServer(ConnectionString),
        _ => Provider.ToString(),
    };

    /// <summary>The provider and <see cref="Describe"/>: never the connection string, which may hold a password
    /// (the compiler-generated record ToString would print it).</summary>
    public override string ToString() => $"{Provider} {Describe()}";

    /// <summary>For a SQLite target, its database file as a full path (a bare path or a connection string alike);
    /// null for SQL Server and for in-memory or temporary SQLite databases.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? SqliteFilePath(ConnectionString) : null;

    /// <summary>The SQLite connection string this target stands for: a bare path becomes <c>Data Source=path</c>.</summary>
    internal static string SqliteConnectionString(string connectionString) =>
        connectionString.Contains('=', StringComparison.Ordinal)
            ? connectionString
            : new SqliteConnectionStringBuilder { DataSource = connectionString.Trim() }.ToString();

    /// <summary>The database file of a SQLite connection string as a full path, or null for an in-memory,
    /// temporary or URI database.</summary>
    internal static string? SqliteFilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(SqliteConnectionString(connectionString));
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source) ||
            source.Equals(":memory:", StringComparison.OrdinalIgnoreCase) ||
            source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return Path.GetFullPath(source);
    }

    private static string DescribeSqlite(string connectionString)
    {
        try
        {
            return SqliteFilePath(connectionString)
                ?? new SqliteConnectionStringBuilder(SqliteConnectionString(connectionString)).DataSource switch
                {
                    "" => "(temporary SQLite database)",
                    var source => source,
                };
        }
        catch (ArgumentException)
        {
            return "(unreadable SQLite connection string)";
        }
    }

    private static string DescribeSqlServer(string connectionString)
    {
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            var server = string.IsNullOrWhiteSpace(builder.DataSource) ? "(local)" : builder.DataSource;
            var database = string.IsNullOrWhiteSpace(builder.InitialCatalog) ? "(default database)" : builder.InitialCatalog;
            return $"{server}/{database}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "(unreadable SQL Server connection string)";
        }
    }
}

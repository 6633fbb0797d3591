using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Sqlite;

/// <summary>Opens pooled SQLite connections set up for a warehouse that is loaded while it is read: WAL (readers
/// see the last committed data during a load), synchronous=NORMAL (safe with WAL, much faster), a 10 s busy
/// timeout, foreign keys off (the schema declares them as documentation; loads swap whole tables), and 16 KiB
/// pages for a warehouse made by this connection (<see cref="SqlitePageSize"/>).</summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    // The page size comes first: it must be set before journal_mode=WAL writes a new file's first page.
    private static readonly string SessionPragmas = SqlitePageSize.Pragmas +
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=OFF; "
        + "PRAGMA wal_autocheckpoint=1000;";  // a pooled connection starts with the default, whatever WalCheckpoint left

    private readonly string _connectionString;
    private readonly string? _folder;
    private volatile bool _folderReady;

    public SqliteConnectionFactory(DatabaseTarget target)
    {
        Target = target;
        _connectionString = DatabaseTarget.SqliteConnectionString(target.ConnectionString);
        _folder = DatabaseTarget.SqliteFilePath(target.ConnectionString) is { } file ? Path.GetDirectoryName(file) : null;
    }

    public DatabaseTarget Target { get; }

    public ISqlDialect Dialect => SqliteDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureFolder();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SessionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw WarehouseUnavailableException.For(Target, "cannot be opened", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void EnsureFolder()
    {
        if (_folderReady || _folder is null) return;
        try
        {
            Directory.CreateDirectory(_folder);
            _folderReady = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw WarehouseUnavailableException.For(Target, $"cannot be opened because its folder {_folder} cannot be created", ex);
        }
    }
}

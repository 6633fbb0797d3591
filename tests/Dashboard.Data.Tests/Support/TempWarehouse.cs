using Dashboard.Data;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests.Support;

/// <summary>A fresh SQLite warehouse file under the temp folder, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempWarehouse : IDisposable
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "dashboard-data-tests");

    public TempWarehouse()
    {
        Folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "warehouse.db");
        Target = new DatabaseTarget(DatabaseProvider.Sqlite, FilePath);
        Connections = Warehouse.Connect(Target);
    }

    /// <summary>The folder the file lives in; it does not exist until the first connection creates it.</summary>
    public string Folder { get; }

    public string FilePath { get; }

    public DatabaseTarget Target { get; }

    public IConnectionFactory Connections { get; }

    public void Dispose()
    {
        // Pooled connections keep the file (and SQLite TEMP tables) open: let them go before deleting.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString()))
        {
            SqliteConnection.ClearPool(connection);
        }
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

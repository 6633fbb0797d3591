using System.Globalization;
using Dashboard.Core.Ssd;
using Dashboard.Data;
using Dashboard.Etl.Tests.Support;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>
/// The same load against SQL Server, as a warehouse and as a source. Runs only where DASHBOARD_SQLSERVER holds a
/// connection string to a server on which the login may create databases; each test uses a database of its own.
/// </summary>
public class SqlServerTests : EtlTestBase
{
    private string _connectionString = null!;
    private readonly List<string> _databases = [];

    [SetUp]
    public void RequireSqlServer()
    {
        var configured = Environment.GetEnvironmentVariable("DASHBOARD_SQLSERVER");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Assert.Ignore("SQL Server tests skipped: set DASHBOARD_SQLSERVER to a connection string (a login that may create databases).");
        }
        _connectionString = configured;
    }

    [TearDown]
    public void DropDatabases()
    {
        if (_databases.Count == 0) return;
        SqlConnection.ClearAllPools();
        using var master = new SqlConnection(new SqlConnectionStringBuilder(_connectionString) { InitialCatalog = "master" }.ConnectionString);
        master.Open();
        foreach (var name in _databases)
        {
            using var drop = new SqlCommand($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];", master);
            drop.ExecuteNonQuery();
        }
    }

    private string NewDatabase()
    {
        var name = "etl_test_" + Guid.NewGuid().ToString("N")[..10];
        using (var master = new SqlConnection(new SqlConnectionStringBuilder(_connectionString) { InitialCatalog = "master" }.ConnectionString))
        {
            master.Open();
            using var create = new SqlCommand($"CREATE DATABASE [{name}]", master);
            create.ExecuteNonQuery();
        }
        _databases.Add(name);
        return new SqlConnectionStringBuilder(_connectionString) { InitialCatalog = name }.ConnectionString;
    }

    private static SortedDictionary<string, List<string>> DumpStar(string connectionString)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = new SqlCommand("SELECT name FROM sys.tables WHERE name LIKE 'dim[_]%' OR name LIKE 'fact[_]%'", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = new SqlCommand($"SELECT * FROM {table}", connection);
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            // The indicator tables are replaced whole by every run: their content is compared, their load_id is not.
            var skipLoadId = table.StartsWith("fact_indicator", StringComparison.Ordinal);
            while (reader.Read())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Where(i => !(skipLoadId && reader.GetName(i) == "load_id")).Select(i =>
                    $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
            }
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }

    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    [Test]
    public async Task A_sql_server_warehouse_loads_reloads_identically_and_survives_a_failed_swap()
    {
        var warehouse = new DatabaseTarget(DatabaseProvider.SqlServer, NewDatabase());
        var source = ASmallCouncil().Contact("C-BAD", "P1", "31/01/2026");
        source.Build(SourcePath);
        var options = Options() with { Warehouse = warehouse };

        var first = await new EtlRunner(Time).RunAsync(options);
        Assert.That(first.Status, Is.EqualTo("succeeded"));
        AssertReadEqualsLoadedPlusQuarantined(first);
        Assert.That(Scalar(warehouse.ConnectionString, "SELECT COUNT(*) FROM etl_quarantine"), Is.EqualTo(1));
        var good = DumpStar(warehouse.ConnectionString);
        Assert.That(good["dim_worker"], Has.Count.EqualTo(4));

        await new EtlRunner(Time).RunAsync(options);
        Assert.That(DumpStar(warehouse.ConnectionString), Is.EqualTo(good), "a reload changes nothing");

        source.Person("P9").Build(SourcePath);
        Assert.ThrowsAsync<EtlException>(() => new EtlRunner(Time).RunAsync(options with { Faults = new FaultAt(EtlStage.Swap, "fact_cp_visit") }));
        Assert.That(DumpStar(warehouse.ConnectionString), Is.EqualTo(good), "a failed swap changes nothing");
        Assert.That(Scalar(warehouse.ConnectionString, "SELECT TOP 1 status FROM etl_load_run ORDER BY load_id DESC"), Is.EqualTo("failed"));
        Assert.That(Scalar(warehouse.ConnectionString, "SELECT COUNT(*) FROM etl_lock"), Is.EqualTo(0));

        var third = await new EtlRunner(Time).RunAsync(options);
        Assert.That(Scalar(warehouse.ConnectionString, "SELECT COUNT(*) FROM dim_child WHERE person_id = 'P9'"), Is.EqualTo(1));
        Assert.That(third.Tables.Single(t => t.SourceTable == "ssd_person").RowsInserted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_sql_server_source_with_typed_columns_loads_like_a_sqlite_one()
    {
        ASmallCouncil().Build(SourcePath);
        var sqlSource = new DatabaseTarget(DatabaseProvider.SqlServer, NewDatabase());
        CopyToSqlServer(SourcePath, sqlSource.ConnectionString);

        var fromSqlite = await new EtlRunner(Time).RunAsync(Options());
        var sqliteStar = Warehouse.DumpStar();
        System.IO.File.Delete(WarehousePath);
        SqliteConnection.ClearAllPools();
        var fromSqlServer = await new EtlRunner(Time).RunAsync(Options() with { Source = sqlSource });

        Assert.That(fromSqlServer.RowsQuarantined, Is.Zero);
        Assert.That(fromSqlServer.Tables.Select(t => (t.SourceTable, t.RowsLoaded)), Is.EqualTo(fromSqlite.Tables.Select(t => (t.SourceTable, t.RowsLoaded))));
        Assert.That(Warehouse.DumpStar(), Is.EqualTo(sqliteStar), "dates as datetime2, flags as bit and counts as int load the same");
    }

    /// <summary>Copies the SQLite source into SQL Server tables typed as SSD types them (datetime2, bit, int, float, nvarchar).</summary>
    private static void CopyToSqlServer(string sqlitePath, string connectionString)
    {
        using var from = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        from.Open();
        using var to = new SqlConnection(connectionString);
        to.Open();
        foreach (var table in SsdSchema.All)
        {
            var columns = table.Columns.Select(c => $"[{c.Name}] {SqlType(c)} NULL");
            using (var create = new SqlCommand($"CREATE TABLE [{table.Name}] ({string.Join(", ", columns)})", to)) create.ExecuteNonQuery();
            using var select = from.CreateCommand();
            select.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name}";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                using var insert = new SqlCommand(
                    $"INSERT INTO [{table.Name}] VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})", to);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    if (table.Columns[i].Kind == SsdKind.Flag && value is string flag) value = flag is "Y" or "y" or "1" ? true : false;
                    insert.Parameters.AddWithValue("@p" + i, value ?? DBNull.Value);
                }
                insert.ExecuteNonQuery();
            }
        }
    }

    private static string SqlType(SsdColumn column) => column.Kind switch
    {
        SsdKind.Date => "DATETIME2",
        SsdKind.Flag => "BIT",
        SsdKind.WholeNumber => "INT",
        SsdKind.Number => "FLOAT",
        SsdKind.Json or SsdKind.Text => "NVARCHAR(MAX)",
        _ => "NVARCHAR(100)",
    };
}

using Dapper;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class ConnectionTests
{
    private const string SqlServerWithSecrets =
        "Server=tcp:db.council.example,1433;Database=inspection_ready;User ID=etl_user;Password=Tr0ub4dor&3;Encrypt=True";

    [Test]
    public void Describe_names_the_sql_server_and_database_and_never_the_credentials()
    {
        var target = new DatabaseTarget(DatabaseProvider.SqlServer, SqlServerWithSecrets);

        Assert.That(target.Describe(), Is.EqualTo("tcp:db.council.example,1433/inspection_ready"));
        Assert.That(target.ToString(), Does.Not.Contain("Tr0ub4dor").And.Not.Contain("etl_user"), "a logged record must not leak either");
    }

    [TestCase("Server=x;Database=y;Password=Tr0ub4dor&3;Nonsense Keyword=1")]
    [TestCase("Password=Tr0ub4dor&3;;;=")]
    public void Describe_of_an_unreadable_connection_string_still_hides_the_password(string connectionString)
    {
        Assert.That(new DatabaseTarget(DatabaseProvider.SqlServer, connectionString).Describe(), Does.Not.Contain("Tr0ub4dor"));
    }

    [Test]
    public void Describe_of_a_sqlite_target_is_the_full_file_path_whether_given_as_a_path_or_a_connection_string()
    {
        var path = Path.Combine(Path.GetTempPath(), "w", "warehouse.db");

        Assert.That(new DatabaseTarget(DatabaseProvider.Sqlite, path).Describe(), Is.EqualTo(path));
        Assert.That(new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={path};Password=Tr0ub4dor&3").Describe(), Is.EqualTo(path));
    }

    [Test]
    public async Task A_sqlite_connection_creates_the_missing_folder_and_is_set_up_for_loading_while_reading()
    {
        using var warehouse = new TempWarehouse();
        Assert.That(Directory.Exists(warehouse.Folder), Is.False);

        await using var connection = await warehouse.Connections.OpenAsync();

        Assert.That(File.Exists(warehouse.FilePath), Is.True);
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(1), "NORMAL");
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(10_000));
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.Zero);
    }

    [Test]
    public async Task A_new_sqlite_warehouse_and_its_sessions_temp_tables_have_16_kib_pages()
    {
        using var warehouse = new TempWarehouse();

        await using var connection = await warehouse.Connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TEMP TABLE staged (x); INSERT INTO staged VALUES (1)");

        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA main.page_size"), Is.EqualTo(Sqlite.SqlitePageSize.Bytes));
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA temp.page_size"), Is.EqualTo(Sqlite.SqlitePageSize.Bytes));
    }

    [Test]
    public async Task An_existing_sqlite_warehouse_keeps_the_page_size_it_was_made_with_and_its_data()
    {
        using var warehouse = new TempWarehouse();
        Directory.CreateDirectory(warehouse.Folder);
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={warehouse.FilePath};Pooling=False"))
        {
            await old.OpenAsync();
            await old.ExecuteAsync("PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE kept (x); INSERT INTO kept VALUES (42)");
        }

        await using var connection = await warehouse.Connections.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA main.page_size"), Is.EqualTo(4096));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT x FROM kept"), Is.EqualTo(42));
        await connection.ExecuteAsync("INSERT INTO kept VALUES (43)");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kept"), Is.EqualTo(2));
    }

    [Test]
    public void A_sqlite_file_whose_folder_cannot_be_created_is_reported_as_unavailable_naming_the_file()
    {
        using var warehouse = new TempWarehouse();
        Directory.CreateDirectory(warehouse.Folder);
        var blocker = Path.Combine(warehouse.Folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        var target = new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(blocker, "sub", "warehouse.db"));

        var error = Assert.ThrowsAsync<WarehouseUnavailableException>(() => Warehouse.Connect(target).OpenAsync());

        Assert.That(error!.Message, Does.Contain(target.Describe()).And.EndsWith("."));
        Assert.That(error.Target, Is.EqualTo(target));
    }

    [Test]
    public void A_sqlite_path_that_is_a_folder_is_reported_as_unavailable()
    {
        using var warehouse = new TempWarehouse();
        Directory.CreateDirectory(Path.Combine(warehouse.Folder, "warehouse.db"));

        Assert.That(() => warehouse.Connections.OpenAsync(), Throws.TypeOf<WarehouseUnavailableException>().With.Message.Contains(warehouse.FilePath));
    }

    [Test]
    public void An_unreachable_sql_server_is_reported_as_unavailable_without_the_password()
    {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        var target = new DatabaseTarget(DatabaseProvider.SqlServer,
            "Server=tcp:127.0.0.1,1;Database=inspection_ready;User ID=etl_user;Password=Tr0ub4dor&3;Connect Timeout=3;Pooling=false");

        var error = Assert.ThrowsAsync<WarehouseUnavailableException>(() => Warehouse.Connect(target).OpenAsync());

        Assert.That(error!.Message, Is.EqualTo("The SQL Server warehouse tcp:127.0.0.1,1/inspection_ready cannot be reached or refused the connection."));
    }

    [Test]
    [NonParallelizable]
    public void A_process_in_globalization_invariant_mode_is_told_why_sql_server_cannot_open()
    {
        var target = new DatabaseTarget(DatabaseProvider.SqlServer, "Server=tcp:127.0.0.1,1;Database=w;Password=Tr0ub4dor&3");
        AppContext.SetSwitch("System.Globalization.Invariant", true); // read by the factory's check only; ICU stays loaded
        try
        {
            Assert.That(() => Warehouse.Connect(target).OpenAsync(),
                Throws.TypeOf<WarehouseUnavailableException>().With.Message.Contains("InvariantGlobalization to false"));
        }
        finally
        {
            AppContext.SetSwitch("System.Globalization.Invariant", false);
        }
    }

    [Test]
    public void A_malformed_sql_server_connection_string_is_refused_at_connect_without_repeating_it()
    {
        var target = new DatabaseTarget(DatabaseProvider.SqlServer, "Server=x;Password=Tr0ub4dor&3;Frobnicate=yes");

        Assert.That(() => Warehouse.Connect(target), Throws.ArgumentException.With.Message.Not.Contains("Tr0ub4dor"));
    }
}

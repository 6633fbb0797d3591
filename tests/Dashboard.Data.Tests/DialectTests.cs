using Dapper;
using Dashboard.Data.Sqlite;
using Dashboard.Data.SqlServer;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class DialectTests
{
    [Test]
    public void Sql_server_staging_is_a_hash_temp_table_made_without_identity()
    {
        var (sql, name) = SqlServerDialect.Instance.CreateStagingLike("dim_team", "stg_team");

        Assert.That(name, Is.EqualTo("#stg_team"));
        Assert.That(sql, Is.EqualTo("DROP TABLE IF EXISTS #stg_team; SELECT * INTO #stg_team FROM dim_team WHERE 1 = 0 " +
            "UNION ALL SELECT * FROM dim_team WHERE 1 = 0;"));
        Assert.That(SqlServerDialect.Instance.DropStaging(name), Is.EqualTo("DROP TABLE IF EXISTS #stg_team;"));
    }

    [Test]
    public void Sql_server_limits_with_top_after_select_or_select_distinct()
    {
        Assert.That(SqlServerDialect.Instance.Limit("SELECT a FROM t ORDER BY a", 5), Is.EqualTo("SELECT TOP (5) a FROM t ORDER BY a"));
        Assert.That(SqlServerDialect.Instance.Limit("  select distinct a FROM t", 1), Is.EqualTo("  select distinct TOP (1) a FROM t"));
        Assert.That(() => SqlServerDialect.Instance.Limit("WITH x AS (SELECT 1 a) SELECT a FROM x", 1), Throws.ArgumentException);
    }

    [Test]
    public void Sql_server_spells_out_null_safe_equality_and_returns_keys_with_output()
    {
        Assert.That(SqlServerDialect.Instance.NullSafeEquals("s.a", "t.a"), Is.EqualTo("(s.a = t.a OR (s.a IS NULL AND t.a IS NULL))"));
        Assert.That(SqlServerDialect.Instance.InsertReturningKey("etl_load_run", ["status", "host_name"], "load_id"),
            Is.EqualTo("INSERT INTO etl_load_run (\"status\", \"host_name\") OUTPUT INSERTED.\"load_id\" VALUES (@status, @host_name);"));
    }

    [Test]
    public void Sql_server_pages_with_offset_fetch_after_the_order_by()
    {
        Assert.That(SqlServerDialect.Instance.Page("SELECT a FROM t ORDER BY a;", 20, 10),
            Is.EqualTo("SELECT a FROM t ORDER BY a OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY"));
        Assert.That(() => SqlServerDialect.Instance.Page("SELECT a FROM t", 0, 10), Throws.ArgumentException);
        Assert.That(() => SqlServerDialect.Instance.Page("SELECT a FROM t ORDER BY a", 0, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task Sqlite_pages_with_limit_and_offset()
    {
        using var warehouse = new TempWarehouse();
        await using var connection = await warehouse.Connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t (id) VALUES (1), (2), (3), (4), (5);");

        var page = await connection.QueryAsync<long>(warehouse.Connections.Dialect.Page("SELECT id FROM t ORDER BY id DESC", 1, 2));

        Assert.That(page, Is.EqualTo(new[] { 4L, 3L }));
    }

    [Test]
    public void Names_that_are_not_plain_identifiers_never_reach_the_sql()
    {
        Assert.That(() => SqliteDialect.Instance.CreateStagingLike("t; DROP TABLE x", "s"), Throws.ArgumentException);
        Assert.That(() => SqlServerDialect.Instance.CreateStagingLike("t", "s]; DROP TABLE x; --"), Throws.ArgumentException);
        Assert.That(() => SqliteDialect.Instance.InsertReturningKey("t", ["a b"], "id"), Throws.ArgumentException);
    }

    [Test]
    public async Task Sqlite_null_safe_equality_limit_and_insert_returning_run_as_written()
    {
        using var warehouse = new TempWarehouse();
        await using var connection = await warehouse.Connections.OpenAsync();
        var dialect = warehouse.Connections.Dialect;
        await connection.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, \"rule\" TEXT)");

        var id1 = await connection.ExecuteScalarAsync<long>(dialect.InsertReturningKey("t", ["a", "rule"], "id"), new { a = (string?)null, rule = "r" });
        var id2 = await connection.ExecuteScalarAsync<long>(dialect.InsertReturningKey("t", ["a", "rule"], "id"), new { a = "x", rule = "r" });

        Assert.That((id1, id2), Is.EqualTo((1L, 2L)));
        Assert.That(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM t x JOIN t y ON {dialect.NullSafeEquals("x.a", "y.a")}"), Is.EqualTo(2));
        Assert.That(await connection.QueryAsync<long>(dialect.Limit("SELECT id FROM t ORDER BY id DESC;", 1)), Is.EqualTo(new[] { 2L }));
    }
}

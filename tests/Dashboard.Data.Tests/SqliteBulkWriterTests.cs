using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests;

public sealed class SqliteBulkWriterTests
{
    private static readonly string[] Columns = ["id", "name", "small", "big", "ratio", "money", "flag", "day", "note"];

    private TempWarehouse _warehouse = null!;

    [SetUp]
    public async Task CreateTable()
    {
        _warehouse = new TempWarehouse();
        await _warehouse.Connections.ExecAsync("""
            CREATE TABLE t (id INTEGER NOT NULL, name TEXT NOT NULL, small INTEGER, big INTEGER, ratio REAL, money REAL,
                            flag INTEGER, day TEXT, note TEXT)
            """);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private static object?[] Row(int i) =>
        [i, $"row {i}", i % 7, 3_000_000_000L + i, i / 4.0, 1.25m, i % 2 == 0, new DateOnly(2024, 1, 1).AddDays(i % 366), i % 3 == 0 ? null : "n"];

    [Test]
    public async Task Values_round_trip_as_sqlite_stores_them_bools_as_1_0_dates_as_iso_text_and_nulls_as_null()
    {
        await using (var connection = await _warehouse.Connections.OpenAsync())
        {
            var written = await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", Columns,
                [[1, "Ann", 5, 3_000_000_001L, 0.5, 1.25m, true, new DateOnly(2024, 2, 29), null],
                 [2, "Bob", null, null, null, null, false, null, "x"]]);
            Assert.That(written, Is.EqualTo(2));
        }

        await using var check = await _warehouse.Connections.OpenAsync();
        var rows = (await check.QueryAsync("SELECT * FROM t ORDER BY id")).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows[0]["name"], Is.EqualTo("Ann"));
        Assert.That(rows[0]["small"], Is.EqualTo(5L));
        Assert.That(rows[0]["big"], Is.EqualTo(3_000_000_001L));
        Assert.That(rows[0]["ratio"], Is.EqualTo(0.5));
        Assert.That(rows[0]["money"], Is.EqualTo(1.25));
        Assert.That(rows[0]["flag"], Is.EqualTo(1L));
        Assert.That(rows[0]["day"], Is.EqualTo("2024-02-29"));
        Assert.That(rows[0]["note"], Is.Null);
        Assert.That(rows[1]["flag"], Is.EqualTo(0L));
        Assert.That(rows[1]["small"], Is.Null);
        Assert.That(rows[1]["day"], Is.Null);
    }

    [Test]
    public async Task Text_binds_by_its_pointer_with_empty_text_kept_as_empty_not_null_and_any_script_intact()
    {
        await using (var connection = await _warehouse.Connections.OpenAsync())
        {
            await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", ["id", "name", "note", "small", "day"],
                [[1, "", "Zoë ŁÓDŹ 👪 日本", DayOfWeek.Friday, new DateTime(2024, 2, 29, 13, 45, 0)],
                 [2, "x", 'c', (short)-3, null]]);
        }

        var rows = (await _warehouse.Connections.QueryListAsync<(long, string?, string?, long?, string?)>(
            "SELECT id, name, note, small, day FROM t ORDER BY id")).ToList();
        Assert.That(rows[0], Is.EqualTo((1L, (string?)"", (string?)"Zoë ŁÓDŹ 👪 日本", (long?)5, (string?)"2024-02-29 13:45:00")));
        Assert.That(rows[1], Is.EqualTo((2L, (string?)"x", (string?)"c", (long?)-3, (string?)null)));
    }

    [Test]
    public async Task Text_longer_than_the_binders_buffer_and_values_after_it_in_the_same_row_arrive_intact()
    {
        // The text is encoded into one reused buffer that grows for a long value; SQLite copies each value as it is bound.
        var longText = string.Concat(Enumerable.Repeat("日本 Zoë ", 700));
        await using (var connection = await _warehouse.Connections.OpenAsync())
        {
            await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", ["id", "name", "note", "day", "money"],
                [[1, longText, "after", new DateOnly(2025, 3, 31), 12.5m],
                 [2, "short", longText[..2_000], null, -0.125m],
                 [3, "", "", new DateOnly(2025, 4, 1), 0.75m]]);
        }

        var rows = (await _warehouse.Connections.QueryListAsync<(long, string, string, string?, string?, long)>(
            "SELECT id, name, note, day, CAST(money AS TEXT), length(CAST(name AS BLOB)) FROM t ORDER BY id")).ToList();
        Assert.That(rows[0], Is.EqualTo((1L, longText, "after", (string?)"2025-03-31", (string?)"12.5", (long)System.Text.Encoding.UTF8.GetByteCount(longText))));
        Assert.That(rows[1], Is.EqualTo((2L, "short", longText[..2_000], (string?)null, (string?)"-0.125", 5L)));
        Assert.That(rows[2], Is.EqualTo((3L, "", "", (string?)"2025-04-01", (string?)"0.75", 0L)), "empty text stays empty text, not NULL");
    }

    [Test]
    public async Task A_blob_is_stored_as_bytes_and_an_empty_one_as_an_empty_blob_not_null()
    {
        await _warehouse.Connections.ExecAsync("CREATE TABLE b (id INTEGER, data BLOB)");
        await using (var connection = await _warehouse.Connections.OpenAsync())
        {
            await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "b", ["id", "data"],
                [[1, new byte[] { 0, 1, 254, 255 }], [2, Array.Empty<byte>()], [3, null]]);
        }

        var rows = (await _warehouse.Connections.QueryListAsync<(long, string?, string)>(
            "SELECT id, hex(data), typeof(data) FROM b ORDER BY id")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { (1L, (string?)"0001FEFF", "blob"), (2L, (string?)"", "blob"), (3L, (string?)"", "null") }));
    }

    [Test]
    public async Task A_hundred_thousand_rows_arrive_whole()
    {
        const int count = 100_001;
        var clock = Stopwatch.StartNew();
        await using (var connection = await _warehouse.Connections.OpenAsync())
        {
            var written = await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", Columns,
                Enumerable.Range(0, count).Select(Row));
            Assert.That(written, Is.EqualTo(count));
        }
        clock.Stop();
        TestContext.Out.WriteLine($"{count / clock.Elapsed.TotalSeconds:N0} rows/s (rows built while writing)");

        var (rows, sumId, flags, nulls, lastDay) = (await _warehouse.Connections.QueryListAsync<(long, long, long, long, string)>(
            "SELECT COUNT(*), SUM(id), SUM(flag), SUM(note IS NULL), MAX(day) FROM t")).Single();
        Assert.That(rows, Is.EqualTo(count));
        Assert.That(sumId, Is.EqualTo((long)count * (count - 1) / 2));
        Assert.That(flags, Is.EqualTo(50_001));
        Assert.That(nulls, Is.EqualTo(33_334));
        Assert.That(lastDay, Is.EqualTo("2024-12-31"));
    }

    [Test]
    public async Task Rows_written_in_the_callers_transaction_go_when_it_rolls_back()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, transaction, "t", Columns, Enumerable.Range(0, 100).Select(Row));
            await transaction.RollbackAsync();
        }

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"), Is.Zero);
    }

    [Test]
    public async Task A_row_of_the_wrong_width_is_refused_and_nothing_is_written()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();
        object?[][] rows = [Row(1), [1, "short"]];

        Assert.That(() => Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", Columns, rows),
            Throws.ArgumentException.With.Message.Contains("Row 2"));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"), Is.Zero);
    }

    [Test]
    public async Task A_duplicate_key_fails_as_a_sqlite_constraint_error_and_the_writers_own_transaction_rolls_back()
    {
        await _warehouse.Connections.ExecAsync("CREATE UNIQUE INDEX ux_t_id ON t (id)");
        await using var connection = await _warehouse.Connections.OpenAsync();

        Assert.That(() => Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", Columns, [Row(1), Row(2), Row(1)]),
            Throws.TypeOf<SqliteException>().With.Property(nameof(SqliteException.SqliteErrorCode)).EqualTo(19));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"), Is.Zero);
    }

    [Test]
    public async Task A_value_of_a_type_the_writer_does_not_know_is_refused_naming_the_type()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();

        Assert.That(() => Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", ["id"], [[new Uri("https://example.org")]]),
            Throws.ArgumentException.With.Message.Contains("Uri"));
    }

    [Test]
    public async Task A_column_name_that_is_not_a_plain_identifier_is_refused()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();

        Assert.That(() => Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, "t", ["id); DROP TABLE t; --"], [[1]]),
            Throws.ArgumentException);
    }

    [Test]
    public async Task A_staging_table_made_by_the_dialect_takes_the_targets_columns_and_bulk_rows()
    {
        await using var connection = await _warehouse.Connections.OpenAsync();
        var dialect = _warehouse.Connections.Dialect;
        var (sql, staging) = dialect.CreateStagingLike("t", "stg_t");
        await connection.ExecuteAsync(sql);
        await connection.ExecuteAsync(sql); // again on the same connection: the leftover is dropped first

        await Warehouse.BulkWriter(DatabaseProvider.Sqlite).WriteAsync(connection, null, staging, Columns, Enumerable.Range(0, 10).Select(Row));

        Assert.That(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {staging}"), Is.EqualTo(10));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"), Is.Zero);
        await connection.ExecuteAsync(dialect.DropStaging(staging));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM temp.sqlite_master WHERE name = 'stg_t'"), Is.Zero);
    }
}

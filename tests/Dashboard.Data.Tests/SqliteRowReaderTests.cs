using Dashboard.Data.Sqlite;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

/// <summary>
/// The ETL reads a SQLite source through <see cref="SqliteRowReader"/> instead of a SqliteDataReader; the values
/// must be exactly those the data reader's GetValue gives (type and value), whatever a source column holds.
/// </summary>
public sealed class SqliteRowReaderTests
{
    private const string Select = MixedStorageTable.Select;

    private TempWarehouse _warehouse = null!;

    [SetUp]
    public async Task CreateTable()
    {
        _warehouse = new TempWarehouse();
        // Untyped columns, as an SSD extract's text-typed columns can hold any storage class: each value keeps its own.
        await _warehouse.Connections.ExecAsync(MixedStorageTable.Create + MixedStorageTable.PaddedRow);
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task Every_value_is_what_the_data_reader_gives_with_nulls_as_null()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        var expected = new List<object?[]>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Select;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                expected.Add(row);
            }
        }

        var actual = SqliteRowReader.Read(connection, Select, 6).Select(r => (object?[])r.Clone()).ToList();

        Assert.That(actual, Has.Count.EqualTo(4));
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                Assert.That(actual[r][c]?.GetType(), Is.EqualTo(expected[r][c]?.GetType()), $"row {r + 1}, column {c + 1}: type");
                Assert.That(actual[r][c], Is.EqualTo(expected[r][c]), $"row {r + 1}, column {c + 1}: value");
            }
        }
        // Spelled out, so a change in both readers cannot pass unnoticed.
        Assert.That(actual[1][1], Is.EqualTo(""));
        Assert.That(actual[2][1], Is.EqualTo("Zoë ŁÓDŹ 👪 日本"));
        Assert.That(actual[0][4], Is.EqualTo(new byte[] { 0x00, 0xff, 0x10 }));
        Assert.That(actual[1][4], Is.EqualTo(Array.Empty<byte>()));
        Assert.That(actual[1][2], Is.EqualTo(-9007199254740993L));
        Assert.That(actual[0][5], Is.Null);
    }

    [Test]
    public async Task Runs_inside_the_connections_open_transaction_and_sees_its_snapshot()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: true);
        var before = SqliteRowReader.Read(connection, "SELECT COUNT(*) FROM t", 1).Single()[0];

        await using (var other = await _warehouse.Connections.OpenAsync())
        await using (var insert = other.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t (id, word) VALUES (5, 'later')";
            await insert.ExecuteNonQueryAsync();
        }

        Assert.That(before, Is.EqualTo(4L));
        Assert.That(SqliteRowReader.Read(connection, "SELECT COUNT(*) FROM t", 1).Single()[0], Is.EqualTo(4L),
            "the snapshot the reader's transaction started with");
    }

    [Test]
    public async Task A_wrong_column_count_or_bad_sql_is_refused_with_the_reason()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        Assert.That(() => SqliteRowReader.Read(connection, Select, 5).ToList(),
            Throws.ArgumentException.With.Message.Contains("returns 6 columns, not 5"));
        Assert.That(() => SqliteRowReader.Read(connection, "SELECT nope FROM t", 1).ToList(),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("no such column"));
    }
}

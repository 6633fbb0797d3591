using Dapper;
using Dashboard.Data.Sqlite;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests;

/// <summary>
/// <see cref="SqliteRowSource"/>: a second read-only handle on the file, without SQLite's connection mutex, that the ETL
/// reads the source's rows through. It must give exactly the rows the connection's own handle gives, from one snapshot,
/// and never let two reads use the handle at once (the condition that makes the missing mutex safe).
/// </summary>
public sealed class SqliteRowSourceTests
{
    private const string Select = MixedStorageTable.Select;

    private TempWarehouse _warehouse = null!;

    [SetUp]
    public async Task CreateTables()
    {
        _warehouse = new TempWarehouse();
        await _warehouse.Connections.ExecAsync(MixedStorageTable.Create + "CREATE TABLE u (id INTEGER); INSERT INTO u VALUES (1), (2);");
    }

    [TearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    [Test]
    public async Task It_reads_every_value_the_connections_own_handle_reads()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        var expected = SqliteRowReader.Read(connection, Select, 6).Select(r => (object?[])r.Clone()).ToList();

        using var source = SqliteRowSource.OpenBeside(connection)!;
        var actual = source.Read(Select, 6).Select(r => (object?[])r.Clone()).ToList();

        Assert.That(actual, Has.Count.EqualTo(3));
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual.Select(r => r[1]?.GetType()), Is.EqualTo(expected.Select(r => r[1]?.GetType())));
    }

    [Test]
    public async Task Every_read_comes_from_the_snapshot_of_the_first_even_after_another_connection_commits()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        using var source = SqliteRowSource.OpenBeside(connection)!;
        Assert.That(source.Read("SELECT id FROM t", 1).Count(), Is.EqualTo(3));

        await _warehouse.Connections.ExecAsync("INSERT INTO u VALUES (3); DELETE FROM t WHERE id = 1;");

        Assert.That(source.Read("SELECT id FROM u", 1).Select(r => (long)r[0]!).ToList(), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(source.Read("SELECT id FROM t", 1).Count(), Is.EqualTo(3));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM u"), Is.EqualTo(3), "the commit itself went through");
    }

    [Test]
    public async Task A_second_read_while_one_is_open_is_refused_and_the_next_read_after_it_works()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        using var source = SqliteRowSource.OpenBeside(connection)!;

        using (var first = source.Read("SELECT id FROM t", 1).GetEnumerator())
        {
            Assert.That(first.MoveNext(), Is.True);
            using var second = source.Read("SELECT id FROM u", 1).GetEnumerator();
            Assert.That(() => second.MoveNext(), Throws.InvalidOperationException.With.Message.Contains("one query at a time"));
            Assert.That(first.MoveNext(), Is.True, "the open read is unharmed");
        }

        Assert.That(source.Read("SELECT id FROM u", 1).Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Disposing_finalizes_a_read_left_open_and_a_read_afterwards_is_refused()
    {
        await using var connection = (SqliteConnection)await _warehouse.Connections.OpenAsync();
        var source = SqliteRowSource.OpenBeside(connection)!;
        var abandoned = source.Read("SELECT id FROM t", 1).GetEnumerator();
        Assert.That(abandoned.MoveNext(), Is.True);

        source.Dispose();

        Assert.That(() => source.Read("SELECT id FROM t", 1), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(abandoned.MoveNext(), Is.False, "the abandoned read ends instead of stepping a finalized statement");
    }

    [Test]
    public void A_source_named_by_a_file_uri_is_opened_with_its_parameters_and_reads_the_same_rows()
    {
        var uri = new Uri(_warehouse.FilePath).AbsoluteUri + "?mode=ro";
        using var connection = new SqliteConnection($"Data Source={uri};Pooling=False");
        connection.Open();

        using var source = SqliteRowSource.OpenBeside(connection);

        Assert.That(source, Is.Not.Null);
        Assert.That(source!.Read("SELECT id FROM u ORDER BY id", 1).Select(r => (long)r[0]!).ToList(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void An_in_memory_database_has_no_file_for_a_second_handle_so_there_is_none()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        Assert.That(SqliteRowSource.OpenBeside(connection), Is.Null);
    }
}

using Dashboard.Data.SqlServer;

namespace Dashboard.Data.Tests.SqlServer;

/// <summary>The SQL Server bulk path's conversions, checked without a server.</summary>
public sealed class BulkValueTests
{
    [Test]
    public void Values_become_what_the_destination_column_holds()
    {
        Assert.That(BulkValue.Convert(new DateOnly(2024, 2, 29), typeof(DateTime)), Is.EqualTo(new DateTime(2024, 2, 29)));
        Assert.That(BulkValue.Convert("2024-02-29", typeof(DateTime)), Is.EqualTo(new DateTime(2024, 2, 29)));
        Assert.That(BulkValue.Convert("2026-11-23T01:02:03.456Z", typeof(DateTimeOffset)),
            Is.EqualTo(new DateTimeOffset(2026, 11, 23, 1, 2, 3, 456, TimeSpan.Zero)));
        Assert.That(BulkValue.Convert(new DateOnly(2024, 2, 29), typeof(string)), Is.EqualTo("2024-02-29"));
        Assert.That(BulkValue.Convert(true, typeof(int)), Is.EqualTo(1));
        Assert.That(BulkValue.Convert(false, typeof(long)), Is.EqualTo(0L));
        Assert.That(BulkValue.Convert(5L, typeof(int)), Is.EqualTo(5));
        Assert.That(BulkValue.Convert(1.25m, typeof(double)), Is.EqualTo(1.25));
        Assert.That(BulkValue.Convert(12, typeof(string)), Is.EqualTo("12"));
        Assert.That(BulkValue.Convert(null, typeof(int)), Is.EqualTo(DBNull.Value));
    }

    [Test]
    public void The_row_reader_streams_the_rows_it_is_given_converting_each_value()
    {
        IEnumerable<object?[]> Rows()
        {
            yield return [1L, new DateOnly(2024, 1, 1), null];
            yield return [2L, "2024-01-02", "x"];
        }

        using var reader = new ObjectRowDataReader(["id", "day", "note"], [typeof(int), typeof(DateTime), typeof(string)], Rows());
        var read = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            read.Add(values);
        }

        Assert.That(reader.RowsRead, Is.EqualTo(2));
        Assert.That(read[0], Is.EqualTo(new object[] { 1, new DateTime(2024, 1, 1), DBNull.Value }));
        Assert.That(read[1], Is.EqualTo(new object[] { 2, new DateTime(2024, 1, 2), "x" }));
        Assert.That(reader.GetOrdinal("DAY"), Is.EqualTo(1));
        Assert.That(reader.GetName(2), Is.EqualTo("note"));
    }
}

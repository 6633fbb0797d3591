using Dashboard.Returns.Ssda903;
using Dashboard.Returns.Tests.Support;

namespace Dashboard.Returns.Tests.Ssda903;

public class CsvReaderTests
{
    private static List<List<string>> ReadAll(byte[] bytes, out List<long> lines)
    {
        using var scratch = new Scratch("csv");
        var path = scratch.File("file.csv");
        File.WriteAllBytes(path, bytes);
        using var reader = new CsvReader(path);
        var records = new List<List<string>>();
        lines = [];
        while (reader.Read() is { } record)
        {
            records.Add(record);
            lines.Add(reader.Line);
        }
        return records;
    }

    [Test]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_lines_are_counted_through_them()
    {
        var records = ReadAll("A,B\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n"u8.ToArray(), out var lines);
        Assert.That(records, Is.EqualTo(new[] { new[] { "A", "B" }, new[] { "x, y", "say \"hi\"" }, new[] { "two\nlines", "z" } }));
        Assert.That(lines, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public void A_byte_order_mark_and_CRLF_line_ends_are_not_part_of_any_value_and_blank_lines_are_skipped()
    {
        var records = ReadAll([0xEF, 0xBB, 0xBF, .. "CHILD,DOB\r\n\r\n1001,14/02/2012\r\n"u8.ToArray()], out var lines);
        Assert.That(records, Is.EqualTo(new[] { new[] { "CHILD", "DOB" }, new[] { "1001", "14/02/2012" } }));
        Assert.That(lines, Is.EqualTo(new long[] { 1, 3 }));
    }

    [Test]
    public void The_last_record_needs_no_line_end_and_empty_fields_are_kept()
    {
        var records = ReadAll("A,B,C\n1,,\n,2,"u8.ToArray(), out _);
        Assert.That(records, Is.EqualTo(new[] { new[] { "A", "B", "C" }, new[] { "1", "", "" }, new[] { "", "2", "" } }));
    }
}

using System.Text;

namespace Dashboard.Returns.Ssda903;

/// <summary>Writes a CSV file as the DfE's SSDA903 files are: a header row, comma-separated, CRLF line ends, UTF-8
/// without a byte-order mark; a field holding a comma, quote or line break is quoted with quotes doubled.</summary>
internal sealed class CsvWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public CsvWriter(string path, IReadOnlyList<string> header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\r\n" };
        Row(header);
    }

    public void Row(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            var value = fields[i] ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) value = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            _writer.Write(value);
        }
        _writer.WriteLine();
    }

    public void Dispose() => _writer.Dispose();
}

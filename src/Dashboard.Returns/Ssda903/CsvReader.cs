using System.Text;

namespace Dashboard.Returns.Ssda903;

/// <summary>
/// Reads a CSV file one record at a time (RFC 4180: comma-separated, fields in double quotes may hold commas, line
/// breaks and doubled quotes), as the SSDA903 files are written by case systems and by Excel: with or without a UTF-8
/// byte-order mark, with CRLF or LF line ends. Never holds more than one record in memory. Knows the 1-based line each
/// record starts on (for messages) and how far into the file it has read (for progress).
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamReader _reader;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    public CsvReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        // detectEncodingFromByteOrderMarks drops a UTF-8 (or UTF-16) byte-order mark; without one the text is UTF-8.
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The line the record last returned by <see cref="Read"/> started on.</summary>
    public long Line { get; private set; }

    /// <summary>Bytes of the file read so far (in blocks of the read buffer).</summary>
    public long BytesRead => _stream.Position;

    public long Length => _stream.Length;

    /// <summary>
    /// The next record's fields, or null at the end of the file. Blank lines are skipped. A quoted field left open at
    /// the end of the file throws <see cref="FormatException"/> naming the line it started on.
    /// </summary>
    public List<string>? Read()
    {
        while (true)
        {
            if (_reader.Peek() < 0) return null;
            Line = _line;
            var fields = ReadRecord();
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            return fields;
        }
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var startLine = _line;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (quoted) throw new FormatException($"a quoted field opened on line {startLine} is not closed before the end of the file");
                fields.Add(_field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when _field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r':
                    if (_reader.Peek() == '\n') _reader.Read();
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}

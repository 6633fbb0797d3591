using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// One CIN census XML file read as a stream: the header (census year and reference date) and then one Child element at
/// a time, each loaded on its own with line numbers (so memory stays flat however many children the file holds). A file
/// that is missing, is not well-formed XML or whose root is not Message throws <see cref="ReturnFileException"/> naming
/// the file and line.
/// </summary>
internal sealed class CinCensusFile : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly FileStream _stream;
    private readonly XmlReader _reader;

    private CinCensusFile(string path, FileStream stream, XmlReader reader)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        _stream = stream;
        _reader = reader;
    }

    public string Path { get; }

    /// <summary>The file's name only (never the full path, which may hold a user name).</summary>
    public string Name { get; }

    public long Length => _stream.Length;

    /// <summary>Bytes read so far (the reader reads ahead in blocks, so this moves in steps).</summary>
    public long Position => _stream.Position;

    /// <summary>The census year from CollectionDetails/Year (the year the census's 31 March falls in), when given.</summary>
    public int? Year { get; private set; }

    /// <summary>The reference date from CollectionDetails/ReferenceDate, when given and a date.</summary>
    public DateOnly? ReferenceDate { get; private set; }

    /// <summary>Opens the file and reads up to its first Child (the header, when there is one).</summary>
    public static CinCensusFile Open(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReturnFileException($"Cannot open the CIN census file {name}: {e.Message}", e);
        }
        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new ReturnFileException($"The CIN census file {name} is empty.");
        }
        var file = new CinCensusFile(path, stream, XmlReader.Create(stream, Settings));
        try
        {
            file.ReadHeader();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads only the header: the census year, for putting several files in year order before importing.</summary>
    public static int? PeekYear(string path)
    {
        using var file = Open(path);
        return file.Year ?? (file.ReferenceDate is { } date ? CensusYears.YearEnding(date) : null);
    }

    /// <summary>The Child elements in file order, each with its line numbers; the file's end closes the sequence.</summary>
    public IEnumerable<XElement> Children()
    {
        while (true)
        {
            XElement? child;
            try
            {
                child = NextChild();
            }
            catch (XmlException e)
            {
                throw Unreadable(e);
            }
            if (child is null) yield break;
            yield return child;
        }
    }

    private XElement? NextChild()
    {
        while (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != CinElements.Child)
        {
            if (!_reader.Read()) return null;
        }
        XElement child;
        using (var subtree = _reader.ReadSubtree())
        {
            child = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }
        _reader.Read();
        return child;
    }

    private void ReadHeader()
    {
        try
        {
            if (!_reader.Read() || _reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new ReturnFileException($"The CIN census file {Name} holds no Message element.");
            }
            if (_reader.LocalName != CinElements.Message)
            {
                throw new ReturnFileException(
                    $"{Name}, line {LineNumber}: the file is not a CIN census: its first element is {_reader.LocalName}, not Message.");
            }
            while (_reader.Read())
            {
                if (_reader.NodeType != XmlNodeType.Element) continue;
                if (_reader.LocalName == CinElements.Child) return;
                if (_reader.LocalName != CinElements.CollectionDetails) continue;
                XElement details;
                using (var subtree = _reader.ReadSubtree())
                {
                    details = XElement.Load(subtree, LoadOptions.SetLineInfo);
                }
                ReadCollectionDetails(details);
            }
        }
        catch (XmlException e)
        {
            throw Unreadable(e);
        }
    }

    private void ReadCollectionDetails(XElement details)
    {
        if (CinElements.Value(details, [CinElements.Year]) is { } year
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1990 and < 2200)
        {
            Year = y;
        }
        if (ReturnValues.Date(CinElements.Value(details, [CinElements.ReferenceDate])) is { } reference
            && DateOnly.TryParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ReferenceDate = date;
        }
    }

    private int LineNumber => _reader is IXmlLineInfo info ? info.LineNumber : 0;

    private ReturnFileException Unreadable(XmlException e) =>
        new($"{Name}, line {e.LineNumber}: the CIN census file cannot be read as XML: {e.Message.TrimEnd('.')}.", e);

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}

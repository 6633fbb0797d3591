namespace Dashboard.Returns;

/// <summary>
/// A return file that cannot be read at all (missing, not XML, not a workbook, no header row): the message is one
/// sentence naming the file and, where known, the line or element and field. The command prints it and exits with 2.
/// A single malformed element or row is not this: it is kept as a rejection and the import goes on.
/// </summary>
public sealed class ReturnFileException : Exception
{
    public ReturnFileException(string message) : base(message) { }

    public ReturnFileException(string message, Exception inner) : base(message, inner) { }

    public ReturnFileException() { }
}

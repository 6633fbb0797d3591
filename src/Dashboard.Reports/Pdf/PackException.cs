namespace Dashboard.Reports.Pdf;

/// <summary>
/// A pack could not be made for a reason a person can fix (no Chromium, a folder that cannot be written, a bad pack
/// definition, a month with no figures). The message is one sentence naming the thing; callers print it as it is.
/// </summary>
public class PackException : Exception
{
    public PackException() : this("The pack could not be made.") { }

    public PackException(string message) : base(message) { }

    public PackException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Debian's Chromium is missing or would not start, so no PDF can be printed.</summary>
public sealed class ChromiumUnavailableException : PackException
{
    public ChromiumUnavailableException() : this("Chromium could not be started.") { }

    public ChromiumUnavailableException(string message) : base(message) { }

    public ChromiumUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The folder (or file) a pack was to be written to cannot be written.</summary>
public sealed class PackOutputException : PackException
{
    public PackOutputException() : this("The pack's output folder cannot be written to.") { }

    public PackOutputException(string message) : base(message) { }

    public PackOutputException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A pack definition (reports/packs/*.yaml) or the print stylesheet is missing or wrong.</summary>
public sealed class PackDefinitionException : PackException
{
    public PackDefinitionException() : this("The pack definition could not be read.") { }

    public PackDefinitionException(string message) : base(message) { }

    public PackDefinitionException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The warehouse has no figures for what the pack needs (no load yet, or an unknown month).</summary>
public sealed class PackDataException : PackException
{
    public PackDataException() : this("The warehouse has no figures for this pack.") { }

    public PackDataException(string message) : base(message) { }

    public PackDataException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A rolling length that does not fit the month asked for (a month still running, or too early for a whole window).</summary>
public sealed class PackLengthException : PackException
{
    public PackLengthException() : this("The figures cannot cover that many months to the month asked for.") { }

    public PackLengthException(string message) : base(message) { }

    public PackLengthException(string message, Exception innerException) : base(message, innerException) { }
}

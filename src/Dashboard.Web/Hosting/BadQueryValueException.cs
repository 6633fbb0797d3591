namespace Dashboard.Web.Hosting;

/// <summary>
/// Thrown by a page or service when a query-string value cannot be used (a page number past the end of int, a month that
/// is not a month, a sort column that does not exist). <see cref="BadQueryValueHandling"/> answers 400 Bad Request with a
/// page naming the parameter and what it should be: a wrong link must never quietly show something else.
/// </summary>
public sealed class BadQueryValueException : Exception
{
    public BadQueryValueException(string parameter, string? value, string expected)
        : base($"The address asks for {parameter}={Shorten(value)}, which cannot be used: {expected}")
    {
        Parameter = parameter;
    }

    public BadQueryValueException()
    {
        Parameter = "";
    }

    public BadQueryValueException(string message) : base(message)
    {
        Parameter = "";
    }

    public BadQueryValueException(string message, Exception innerException) : base(message, innerException)
    {
        Parameter = "";
    }

    /// <summary>The query-string parameter at fault ("page", "period").</summary>
    public string Parameter { get; }

    // The value is echoed back to the person who typed it; long values are cut so the page stays readable.
    private static string Shorten(string? value) =>
        value is null ? "(nothing)" : value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}…'";
}

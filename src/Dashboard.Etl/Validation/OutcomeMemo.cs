namespace Dashboard.Etl.Validation;

/// <summary>
/// Outcome JSON texts one table's validation has already parsed, with what they parsed to. SSD writes each outcome
/// column as the same fixed set of flag members with "Y" or "N", so a few dozen distinct texts make up hundreds of
/// thousands of rows; looking a text up costs a hash of it, against decoding and reading it as JSON. Parsing is a
/// pure function of the text and a <see cref="JsonOutcome"/> never changes, so rows with equal texts may share one.
/// Only texts that parsed are kept (a broken one is rare and takes the full path, message and all), and at most
/// <see cref="Capacity"/> of them (free-text members would make every text distinct). One per validator: not shared
/// between threads.
/// </summary>
public sealed class OutcomeMemo
{
    public const int Capacity = 1024;

    private readonly Dictionary<string, JsonOutcome> _parsed = new(StringComparer.Ordinal);

    /// <summary>As <see cref="ValueParsers.TryJson"/>, answered from the texts seen before where it can be.</summary>
    public bool TryJson(object? raw, out JsonOutcome? outcome)
    {
        if (raw is string text && _parsed.TryGetValue(text, out outcome)) return true;
        if (!ValueParsers.TryJson(raw, out outcome)) return false;
        if (_parsed.Count < Capacity) _parsed[outcome!.Text] = outcome;
        return true;
    }

    /// <summary>How many distinct texts are remembered (for tests).</summary>
    public int Count => _parsed.Count;
}

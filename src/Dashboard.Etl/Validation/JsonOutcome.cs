using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Dashboard.Etl.Validation;

/// <summary>
/// A parsed outcome JSON object: the text as the source had it, and its top-level members that read as flags
/// (a flag string such as "Y"/"No", true/false, 1/0). Member names compare case-insensitively; when a name occurs
/// twice the last one counts (as a dictionary filled in document order would have it).
/// </summary>
public sealed class JsonOutcome
{
    /// <summary>Member names seen so far, so a row's flags share the strings of the rows before it (SSD writes the
    /// same dozen names on every row). Bounded: past it, a name is simply allocated.</summary>
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private const int MaxNames = 4096;

    /// <summary>The longest member name or flag text decoded on the stack; longer ones are allocated.</summary>
    private const int Scratch = 128;

    private readonly KeyValuePair<string, bool>[] _flags;

    private JsonOutcome(string text, KeyValuePair<string, bool>[] flags)
    {
        Text = text;
        _flags = flags;
    }

    public string Text { get; }

    /// <summary>The flag's value, or null when the object has no such member or it is not a flag.</summary>
    public bool? Flag(string key)
    {
        for (var i = _flags.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_flags[i].Key, key, StringComparison.OrdinalIgnoreCase)) return _flags[i].Value;
        }
        return null;
    }

    public override string ToString() => Text;

    /// <summary>
    /// Reads <paramref name="text"/> as a JSON object; false (no exception) when it is anything else. Runs once per
    /// source row, so it reads the UTF-8 bytes with a <see cref="Utf8JsonReader"/> and decodes names and flag texts
    /// on the stack: no string per member and no dictionary per row.
    /// </summary>
    public static bool TryParse(string text, out JsonOutcome? outcome)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            return TryRead(text, rented.AsSpan(0, length), out outcome);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryRead(string text, ReadOnlySpan<byte> utf8, out JsonOutcome? outcome)
    {
        outcome = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        Span<char> name = stackalloc char[Scratch];
        Span<char> value = stackalloc char[Scratch];
        KeyValuePair<string, bool>[]? flags = null;
        var count = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // The name is decoded before the reader moves on; it becomes a string only if its value is a flag.
                var fits = reader.ValueSpan.Length <= Scratch;
                var nameLength = fits ? reader.CopyString(name) : 0;
                var longName = fits ? null : reader.GetString()!;
                if (!reader.Read()) return false;
                bool? flag = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.String => FlagText(ref reader, value),
                    JsonTokenType.Number => reader.TryGetInt64(out var n) && n is 0 or 1 ? n == 1 : null,
                    _ => null,
                };
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                if (flag is not { } on) continue;
                flags ??= new KeyValuePair<string, bool>[16];
                if (count == flags.Length) Array.Resize(ref flags, count * 2);
                flags[count++] = new(longName ?? Pooled(name[..nameLength]), on);
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return false;
        }
        catch (JsonException)
        {
            return false;
        }
        outcome = new JsonOutcome(text, flags is null ? [] : flags[..count]);
        return true;
    }

    private static bool? FlagText(ref Utf8JsonReader reader, scoped Span<char> scratch)
    {
        if (reader.ValueSpan.Length > Scratch) return ValueParsers.TryFlagText(reader.GetString().AsSpan().Trim(' '), out var f) ? f : null;
        var length = reader.CopyString(scratch);
        return ValueParsers.TryFlagText(scratch[..length].Trim(' '), out var flag) ? flag : null;
    }

    private static string Pooled(ReadOnlySpan<char> name)
    {
        var lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var pooled)) return pooled;
        var created = name.ToString();
        return Names.Count < MaxNames ? Names.GetOrAdd(created, created) : created;
    }
}

namespace Dashboard.Etl.Load;

/// <summary>
/// A deterministic 64-bit FNV-1a hash of a row's content, the same in every process and on every machine
/// (string.GetHashCode is randomised per process, so it cannot be stored). Each value is written with a
/// type tag so that null, "" and 0 differ, and text is hashed as UTF-16 code units.
/// <para>
/// The byte sequence is fixed (stored hashes depend on it): a tag byte, then the value's bytes least significant
/// first: 2 per UTF-16 code unit of text followed by 0xFF, 8 per integer, flag or double's bits. Every staged row is
/// hashed once per load (3.8 M rows on a large council), so the 2- and 8-byte steps are written out in full rather
/// than looped over a byte count.
/// </para>
/// </summary>
public static class RowHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The hash of the values, as a signed 64-bit integer (the warehouse's INTEGER / BIGINT).</summary>
    public static long Compute(ReadOnlySpan<object?> values)
    {
        var hash = OffsetBasis;
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    hash = Byte(hash, 0);
                    break;
                case string s:
                    hash = Byte(hash, 1);
                    foreach (var c in s) hash = Char(hash, c);
                    hash = Byte(hash, 0xFF);
                    break;
                case long l:
                    hash = Int64(Byte(hash, 2), (ulong)l);
                    break;
                case int i:
                    hash = Int64(Byte(hash, 2), (ulong)(long)i);
                    break;
                case double d:
                    hash = Int64(Byte(hash, 3), (ulong)BitConverter.DoubleToInt64Bits(d));
                    break;
                case bool b:
                    hash = Int64(Byte(hash, 2), b ? 1UL : 0UL);
                    break;
                default:
                    throw new ArgumentException($"RowHash cannot hash a {value.GetType().Name}.", nameof(values));
            }
        }
        return unchecked((long)hash);
    }

    /// <summary>One byte: the low 8 bits of <paramref name="b"/>.</summary>
    private static ulong Byte(ulong hash, ulong b) => unchecked((hash ^ (b & 0xFF)) * Prime);

    /// <summary>A UTF-16 code unit, low byte first.</summary>
    private static ulong Char(ulong hash, char c) => Byte(Byte(hash, (ulong)c), (ulong)c >> 8);

    /// <summary>Eight bytes, least significant first.</summary>
    private static ulong Int64(ulong hash, ulong value)
    {
        hash = Byte(hash, value);
        hash = Byte(hash, value >> 8);
        hash = Byte(hash, value >> 16);
        hash = Byte(hash, value >> 24);
        hash = Byte(hash, value >> 32);
        hash = Byte(hash, value >> 40);
        hash = Byte(hash, value >> 48);
        return Byte(hash, value >> 56);
    }
}

namespace Dashboard.Etl.Load;

/// <summary>
/// A deterministic 64-bit FNV-1a hash of a row's content, the same in every process and on every machine
/// (string.GetHashCode is randomised per process, so it cannot be stored). Each value is written with a
/// type tag so that null, "" and 0 differ, and text is hashed as UTF-16 code units.
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
                    foreach (var c in s) hash = Int64(hash, c, 2);
                    hash = Byte(hash, 0xFF);
                    break;
                case long l:
                    hash = Int64(Byte(hash, 2), (ulong)l, 8);
                    break;
                case int i:
                    hash = Int64(Byte(hash, 2), (ulong)(long)i, 8);
                    break;
                case double d:
                    hash = Int64(Byte(hash, 3), (ulong)BitConverter.DoubleToInt64Bits(d), 8);
                    break;
                case bool b:
                    hash = Int64(Byte(hash, 2), b ? 1UL : 0UL, 8);
                    break;
                default:
                    throw new ArgumentException($"RowHash cannot hash a {value.GetType().Name}.", nameof(values));
            }
        }
        return unchecked((long)hash);
    }

    private static ulong Byte(ulong hash, byte b) => unchecked((hash ^ b) * Prime);

    private static ulong Int64(ulong hash, ulong value, int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            hash = Byte(hash, (byte)(value >> (8 * i)));
        }
        return hash;
    }
}

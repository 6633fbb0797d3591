using System.Runtime.InteropServices;
using System.Text;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// Turns one query's TEXT values (SQLite's UTF-8 bytes) into strings, giving the same string object again for the
/// texts an SSD extract repeats on every row, instead of decoding and allocating a new one each time: a flag or short
/// code ("Y", "N", "1A"), an ISO date ("2019-07-15", "2019-07-15 00:00:00") and a long text such as an outcome JSON
/// object, which is the same few dozen texts over hundreds of thousands of rows. Each string is equal, character for
/// character, to what decoding the bytes gives (<see cref="Encoding.UTF8"/>, as Microsoft.Data.Sqlite and
/// Marshal.PtrToStringUTF8 decode); only its identity is shared. The nightly load reads 3.8 M rows this way, and
/// the strings it no longer makes were about a third of the staging phase's garbage (docs/performance.md).
/// One instance per statement, used by one thread.
/// </summary>
internal sealed class SourceTexts(int columns)
{
    /// <summary>Texts at least this long are remembered per column (shorter ones, such as ids, decode as fast as they hash).</summary>
    public const int MemoMinBytes = 24;

    /// <summary>The most distinct long texts a column remembers (free text would otherwise grow it without end).</summary>
    public const int MemoCapacity = 1024;

    /// <summary>A column's memo is switched off once this many long texts have been looked up with fewer than half found.</summary>
    public const int MemoTrial = 4096;

    private readonly string?[]?[] _short = new string?[]?[128];                // by first byte: [0] alone, [1 + b] with b after it
    private readonly string?[]?[] _dates = new string?[]?[DateForms * Years];  // by form and year: month x 31 + day
    private readonly LongTexts?[] _long = new LongTexts?[columns];
    private byte[] _buffer = new byte[256];

    private const int FirstYear = 1900;
    private const int Years = 200;
    private const int DateForms = 2;   // "yyyy-MM-dd" and "yyyy-MM-dd 00:00:00"

    /// <summary>
    /// The text of column <paramref name="column"/> whose <paramref name="count"/> UTF-8 bytes SQLite holds at
    /// <paramref name="text"/> (valid until the statement steps). Only a text that may be a repeat is copied out to be
    /// looked at; any other (an id, say) is decoded straight from SQLite's memory, as before.
    /// </summary>
    public string Get(int column, IntPtr text, int count)
    {
        if (text == IntPtr.Zero || count == 0) return "";
        switch (count)
        {
            case 1 when Marshal.ReadByte(text) is var a and < 0x80:
                return (_short[a] ??= new string?[129])[0] ??= Decode(text, count);
            case 2 when Marshal.ReadByte(text) is var a and < 0x80 && Marshal.ReadByte(text, 1) is var b and < 0x80:
                return (_short[a] ??= new string?[129])[1 + b] ??= Decode(text, count);
            case 10 or 19 when Marshal.ReadByte(text, 4) == (byte)'-' && Marshal.ReadByte(text, 7) == (byte)'-':
                var date = Copy(text, count);
                var form = count == 10 ? 0 : 1;
                if ((form == 0 || date[10..].SequenceEqual(" 00:00:00"u8)) && DateSlot(date, out var year, out var slot))
                {
                    return (_dates[(form * Years) + year] ??= new string?[12 * 31])[slot] ??= Decode(date);
                }
                return Decode(date);
            case >= MemoMinBytes:
                return (_long[column] ??= new LongTexts()).Get(Copy(text, count));
            default:
                return Decode(text, count);
        }
    }

    private ReadOnlySpan<byte> Copy(IntPtr text, int count)
    {
        if (_buffer.Length < count) _buffer = new byte[Math.Max(count, _buffer.Length * 2)];
        Marshal.Copy(text, _buffer, 0, count);
        return _buffer.AsSpan(0, count);
    }

    private static string Decode(IntPtr text, int count) => Marshal.PtrToStringUTF8(text, count);

    /// <summary>
    /// Where "yyyy-MM-dd" (year 1900-2099, month 01-12, day 01-31) is kept: the digits fix the ten bytes exactly, so the
    /// string made for a slot is the right one for every later occurrence (whether or not the day exists: validation
    /// judges that).
    /// </summary>
    private static bool DateSlot(ReadOnlySpan<byte> s, out int year, out int slot)
    {
        year = Digits(s[..4]) - FirstYear;
        var month = Digits(s.Slice(5, 2));
        var day = Digits(s.Slice(8, 2));
        slot = ((month - 1) * 31) + day - 1;
        return s[4] == (byte)'-' && s[7] == (byte)'-' && (uint)year < Years && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    // Marshal.PtrToStringUTF8 decodes with Encoding.UTF8 too (invalid bytes become U+FFFD either way).
    private static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static int Digits(ReadOnlySpan<byte> s)
    {
        var value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            value = (value * 10) + (b - '0');
        }
        return value;
    }

    /// <summary>One column's long texts: by their bytes, while they repeat often enough to be worth the hash.</summary>
    private sealed class LongTexts
    {
        private readonly Dictionary<byte[], string> _texts = new(Utf8Comparer.Instance);
        private int _lookups;
        private int _found;
        private bool _off;

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (_off) return Decode(utf8);
            _lookups++;
            if (_texts.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(utf8, out var text))
            {
                _found++;
                return text;
            }
            text = Decode(utf8);
            if (_lookups >= MemoTrial && _found * 2 < _lookups)
            {
                _off = true;      // mostly distinct (free text): stop hashing, let the strings go
                _texts.Clear();
            }
            else if (_texts.Count < MemoCapacity)
            {
                _texts[utf8.ToArray()] = text;
            }
            return text;
        }
    }

    private sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8Comparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            // Marvin over the bytes taken two at a time, and the odd last byte: the same hash for the same bytes.
            var pairs = MemoryMarshal.Cast<byte, char>(alternate);
            var hash = string.GetHashCode(pairs);
            return (alternate.Length & 1) == 0 ? hash : HashCode.Combine(hash, alternate[^1]);
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}

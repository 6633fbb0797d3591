namespace Dashboard.Etl.Text;

/// <summary>
/// An append-only store of texts that keeps them outside the object graph: no string, and no object at all, per text.
/// <para>
/// The nightly load keeps millions of business keys for the whole run. Kept as strings, every one is allocated young
/// and then copied by the garbage collector from gen0 to gen1 and again to gen2, and those copies were most of the
/// GC pauses while staging. Here a text's characters are copied into a page of 1,048,576 characters; a page is large
/// enough to be allocated straight into the large object heap, which is not compacted, so it is never copied. Where
/// each text lies is noted in parallel <c>int</c> arrays, which hold no references and so are never traced.
/// </para>
/// <para>
/// Pages are never moved or resized, so a span handed out by the indexer stays valid until <see cref="Clear"/>.
/// </para>
/// </summary>
public sealed class TextArena
{
    /// <summary>Characters in a page; a text longer than this gets a page of its own, of exactly its length.</summary>
    internal const int PageSize = 1 << 20;

    private readonly List<char[]> _pages = [];

    // The page that takes texts up to PageSize long (-1 until the first one), and how much of it is used.
    private int _current = -1;
    private int _used;

    // Per text, by index: its page, where it starts in that page and its length (an empty text keeps no page).
    private int[] _page = [];
    private int[] _offset = [];
    private int[] _length = [];
    private int _count;
    private long _chars;

    /// <summary>How many texts have been appended.</summary>
    public int Count => _count;

    /// <summary>The total length of the texts appended (the unused ends of pages are not counted).</summary>
    public long Chars => _chars;

    /// <summary>Pages held; for tests of the paging, which is otherwise invisible.</summary>
    internal int PageCount => _pages.Count;

    /// <summary>The text at <paramref name="index"/> (0 for the first appended), exactly as appended.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            var length = _length[index];
            return length == 0 ? [] : _pages[_page[index]].AsSpan(_offset[index], length);
        }
    }

    /// <summary>
    /// Copies <paramref name="text"/> in and returns its index: 0, 1, 2, ... in order of appending. A text that does
    /// not fit in what is left of the current page starts a new one, leaving that remainder unused, so that every text
    /// is one contiguous span.
    /// </summary>
    public int Append(ReadOnlySpan<char> text)
    {
        if (_count == _page.Length) Resize((int)Math.Min(Array.MaxLength, Math.Max(4L, 2L * _count)));
        var index = _count;
        if (text.Length > PageSize)
        {
            _page[index] = _pages.Count;
            _offset[index] = 0;
            _pages.Add(text.ToArray());
        }
        else if (!text.IsEmpty)
        {
            if (_current < 0 || PageSize - _used < text.Length)
            {
                _current = _pages.Count;
                _pages.Add(new char[PageSize]);
                _used = 0;
            }
            text.CopyTo(_pages[_current].AsSpan(_used));
            _page[index] = _current;
            _offset[index] = _used;
            _used += text.Length;
        }
        _length[index] = text.Length;
        _chars += text.Length;
        return _count++;
    }

    /// <summary>
    /// Sizes the per-text bookkeeping for <paramref name="capacity"/> texts at once, so that a caller which knows
    /// how many are coming (<see cref="TextSet.EnsureCapacity"/>) avoids the copies of growing by doubling.
    /// </summary>
    internal void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > _page.Length) Resize(capacity);
    }

    /// <summary>Lets go of every page and all bookkeeping, so that a finished store holds no memory.</summary>
    public void Clear()
    {
        _pages.Clear();
        _current = -1;
        _used = 0;
        _page = [];
        _offset = [];
        _length = [];
        _count = 0;
        _chars = 0;
    }

    private void Resize(int size)
    {
        Array.Resize(ref _page, size);
        Array.Resize(ref _offset, size);
        Array.Resize(ref _length, size);
    }
}

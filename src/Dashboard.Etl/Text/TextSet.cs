using System.Numerics;

namespace Dashboard.Etl.Text;

/// <summary>
/// A set of texts with the semantics of <see cref="HashSet{T}"/> of string under the same ordinal comparer, kept
/// where the garbage collector need not trace or copy it: the members live in a <see cref="TextArena"/>, and the
/// table is made only of <c>int</c> arrays.
/// <para>
/// The nightly load keeps sets of business keys (every loaded person id, every loaded row key per table) for the
/// whole run; as <see cref="HashSet{T}"/> of string, each key was a young object promoted twice, and those copies
/// were most of the GC pauses while staging. Here the table uses open addressing with linear probing, at most half
/// full so that probes stay short, and caches each member's hash so that growing rehashes without reading a text.
/// </para>
/// <para>
/// Callers pass strings, which convert to spans; a null string converts to an empty span, so null is not told apart
/// from "" (the load never adds null).
/// </para>
/// </summary>
public sealed class TextSet
{
    private const int MinSlots = 8;

    // The slot table is a power of two no larger than 2^30, and at most half of it is used.
    private const int MaxCapacity = 1 << 29;

    private readonly TextArena _texts = new();
    private readonly bool _ignoreCase;

    // Each member's hash, by index, so that growing never re-reads the texts.
    private int[] _hashes = [];

    // 0 for an empty slot, otherwise the member's index + 1 (so that a new array is all empty).
    private int[] _slots = new int[MinSlots];

    /// <summary>
    /// An empty set comparing under <paramref name="comparer"/>, sized for <paramref name="capacity"/> members.
    /// Only <see cref="StringComparer.Ordinal"/> and <see cref="StringComparer.OrdinalIgnoreCase"/> are accepted:
    /// the set hashes and compares spans itself, and only for those two does the span form match the comparer
    /// exactly (business keys are compared ordinally throughout the load).
    /// </summary>
    public TextSet(StringComparer comparer, int capacity = 0)
    {
        if (ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase)) _ignoreCase = true;
        else if (!ReferenceEquals(comparer, StringComparer.Ordinal))
            throw new ArgumentException("TextSet supports only the two ordinal comparers, StringComparer.Ordinal and StringComparer.OrdinalIgnoreCase.", nameof(comparer));
        EnsureCapacity(capacity);
    }

    /// <summary>How many members the set holds.</summary>
    public int Count => _texts.Count;

    /// <summary>Slots in the table; for tests that presizing spares the set from growing, which is otherwise invisible.</summary>
    internal int SlotCount => _slots.Length;

    /// <summary>
    /// The member with this index, spelt as it was first added (under OrdinalIgnoreCase, later spellings that
    /// differ only in case are not kept, as in <see cref="HashSet{T}"/>).
    /// </summary>
    public ReadOnlySpan<char> this[int index] => _texts[index];

    /// <summary>Adds <paramref name="text"/> unless an equal member is already held; true when it was new.</summary>
    public bool Add(ReadOnlySpan<char> text)
    {
        var hash = HashOf(text);
        var found = Find(text, hash);
        if (found >= 0) return false;
        Insert(text, hash, ~found);
        return true;
    }

    /// <summary>Whether a member equal to <paramref name="text"/> is held.</summary>
    public bool Contains(ReadOnlySpan<char> text) => Find(text, HashOf(text)) >= 0;

    /// <summary>
    /// The index of the member equal to <paramref name="text"/>, adding it first when absent. Members are numbered
    /// 0, 1, 2, ... in order of first adding and never renumbered, so the index can stand for the text.
    /// </summary>
    public int Intern(ReadOnlySpan<char> text)
    {
        var hash = HashOf(text);
        var found = Find(text, hash);
        return found >= 0 ? found : Insert(text, hash, ~found);
    }

    /// <summary>
    /// Sizes the table and the per-member arrays so that <paramref name="capacity"/> members fit without growing,
    /// which saves the rehashes and copies of doubling when the caller knows the row count beforehand.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinSlots, 2 * capacity));
        if (slots > _slots.Length) Rehash(slots);
        if (capacity > _hashes.Length) Array.Resize(ref _hashes, capacity);
        _texts.EnsureCapacity(capacity);
    }

    /// <summary>
    /// Removes every member and lets go of the pages and the table too, so that a set finished with mid-run holds
    /// no memory; the capacity goes with them.
    /// </summary>
    public void Clear()
    {
        _texts.Clear();
        _hashes = [];
        _slots = new int[MinSlots];
    }

    private int HashOf(ReadOnlySpan<char> text) =>
        _ignoreCase ? string.GetHashCode(text, StringComparison.OrdinalIgnoreCase) : string.GetHashCode(text);

    private bool Same(ReadOnlySpan<char> member, ReadOnlySpan<char> text) =>
        _ignoreCase ? MemoryExtensions.Equals(member, text, StringComparison.OrdinalIgnoreCase) : member.SequenceEqual(text);

    /// <summary>
    /// The index of the member equal to <paramref name="text"/>, or, when there is none, the complement of the empty
    /// slot where it belongs. The table is never more than half full, so the probe always meets an empty slot.
    /// </summary>
    private int Find(ReadOnlySpan<char> text, int hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0) return ~slot;
            if (_hashes[entry] == hash && Same(_texts[entry], text)) return entry;
        }
    }

    private int Insert(ReadOnlySpan<char> text, int hash, int slot)
    {
        var count = _texts.Count;
        if (count + 1 > _slots.Length / 2)
        {
            if (count >= MaxCapacity) throw new InvalidOperationException($"A TextSet holds at most {MaxCapacity} members.");
            Rehash(2 * _slots.Length);
            slot = EmptySlot(_slots, hash);
        }
        if (count == _hashes.Length) Array.Resize(ref _hashes, Math.Max(4, 2 * count));
        var entry = _texts.Append(text);
        _hashes[entry] = hash;
        _slots[slot] = entry + 1;
        return entry;
    }

    /// <summary>Rebuilds the table at <paramref name="size"/> slots from the cached hashes.</summary>
    private void Rehash(int size)
    {
        var slots = new int[size];
        for (var entry = 0; entry < _texts.Count; entry++) slots[EmptySlot(slots, _hashes[entry])] = entry + 1;
        _slots = slots;
    }

    private static int EmptySlot(int[] slots, int hash)
    {
        var mask = slots.Length - 1;
        var slot = hash & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        return slot;
    }
}

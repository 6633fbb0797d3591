namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// Items sorted by one date (ties by id, so every run sees the same order), with binary search for a date
/// range or the latest item on or before a date. Built once per <see cref="CaseData"/> so indicators never
/// rescan every row for every month. A per-child list (<see cref="ByPerson{T}"/>) is a slice of one shared
/// array, so a million visits cost two arrays, not a million small ones.
/// </summary>
public sealed class DatedList<T>
{
    private readonly T[] _items;
    private readonly int[] _days;
    private readonly int _offset;

    public DatedList(IEnumerable<T> items, Func<T, DateOnly> dateOf, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dateOf);
        ArgumentNullException.ThrowIfNull(idOf);
        T[] all = [.. items];
        var days = new int[all.Length];
        for (var i = 0; i < all.Length; i++) days[i] = dateOf(all[i]).DayNumber;
        var order = Sorting.Order(all.Length, (a, b) =>
        {
            var byDate = days[a].CompareTo(days[b]);
            return byDate != 0 ? byDate : string.CompareOrdinal(idOf(all[a]), idOf(all[b]));
        });
        (_items, _days) = Sorting.Apply(order, all, days);
        Count = all.Length;
    }

    /// <summary>A slice of arrays already sorted by date.</summary>
    internal DatedList(T[] items, int[] days, int offset, int count)
    {
        _items = items;
        _days = days;
        _offset = offset;
        Count = count;
    }

    internal static DatedList<T> Empty { get; } = new([], [], 0, 0);

    public int Count { get; }

    public T this[int index] => _items[_offset + index];

    public DateOnly DateAt(int index) => DateOnly.FromDayNumber(_days[_offset + index]);

    /// <summary>Every item, in date order.</summary>
    public ReadOnlySpan<T> All => new(_items, _offset, Count);

    /// <summary>The items dated from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public ArraySegment<T> Between(DateOnly first, DateOnly last)
    {
        var from = LowerBound(first.DayNumber);
        var to = LowerBound(last.DayNumber + 1);
        return new ArraySegment<T>(_items, _offset + from, Math.Max(0, to - from));
    }

    /// <summary>The index of the latest item dated on or before <paramref name="date"/>, or -1.</summary>
    public int LastIndexOnOrBefore(DateOnly date) => LowerBound(date.DayNumber + 1) - 1;

    /// <summary>The latest item dated on or before <paramref name="date"/>, or default when there is none.</summary>
    public T? LastOnOrBefore(DateOnly date)
    {
        var i = LastIndexOnOrBefore(date);
        return i >= 0 ? this[i] : default;
    }

    /// <summary>The first index whose date is on or after the given day (Count when none is).</summary>
    private int LowerBound(int day)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_days[_offset + mid] < day) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// Per-child <see cref="DatedList{T}"/>s: every item sorted once by child, date and id into one shared array,
/// then sliced per child.
/// </summary>
public sealed class ByPerson<T>
{
    private readonly Dictionary<string, DatedList<T>> _lists;

    public ByPerson(IEnumerable<T> items, Func<T, string> personOf, Func<T, DateOnly> dateOf, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(personOf);
        ArgumentNullException.ThrowIfNull(dateOf);
        ArgumentNullException.ThrowIfNull(idOf);
        T[] all = [.. items];
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var person = new int[all.Length];
        var days = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var id = personOf(all[i]);
            if (!people.TryGetValue(id, out var p)) people[id] = p = people.Count;
            person[i] = p;
            days[i] = dateOf(all[i]).DayNumber;
        }
        // Whole numbers first (child, then date); the id, a string, only breaks a tie.
        var order = Sorting.Order(all.Length, (a, b) =>
        {
            var c = person[a].CompareTo(person[b]);
            if (c != 0) return c;
            c = days[a].CompareTo(days[b]);
            return c != 0 ? c : string.CompareOrdinal(idOf(all[a]), idOf(all[b]));
        });
        var (sorted, sortedDays) = Sorting.Apply(order, all, days);
        var names = new string[people.Count];
        foreach (var (name, p) in people) names[p] = name;
        _lists = new Dictionary<string, DatedList<T>>(people.Count, StringComparer.Ordinal);
        for (var start = 0; start < order.Length;)
        {
            var p = person[order[start]];
            var end = start + 1;
            while (end < order.Length && person[order[end]] == p) end++;
            _lists[names[p]] = new DatedList<T>(sorted, sortedDays, start, end - start);
            start = end;
        }
    }

    /// <summary>The child's items in date order (empty when the child has none).</summary>
    public DatedList<T> For(string personId) => _lists.GetValueOrDefault(personId) ?? DatedList<T>.Empty;

    public IEnumerable<string> People => _lists.Keys;
}

internal static class Sorting
{
    /// <summary>The order of n items under a comparison, skipping the sort when they are already in order
    /// (loads usually arrive sorted).</summary>
    public static int[] Order(int n, Comparison<int> compare)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var sorted = true;
        for (var i = 1; i < n && sorted; i++) sorted = compare(i - 1, i) <= 0;
        if (!sorted) Array.Sort(order, compare);
        return order;
    }

    public static (T[] Items, int[] Days) Apply<T>(int[] order, T[] items, int[] days)
    {
        var sortedItems = new T[order.Length];
        var sortedDays = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedItems[i] = items[order[i]];
            sortedDays[i] = days[order[i]];
        }
        return (sortedItems, sortedDays);
    }
}

namespace Dashboard.Core.Indicators.Model;

/// <summary>
/// For a whole <see cref="DatedList{T}"/> sorted by start date, the latest end date in each block of 32 items, so a
/// walk over everything started on or before a date ("the CP plans open on the 31st") can step over whole blocks
/// whose items had all ended before that date. The as-at rules walk from the first item ever started, for every month
/// of a run, and most of that history ended long ago: on the large council this walk was a tenth of the engine.
/// Only blocks holding nothing that could still be open are skipped, so the caller's own "still open" test sees the
/// same items, in the same order, as a walk over every item would keep.
/// </summary>
public sealed class EndedBlocks
{
    private const int Shift = 5;

    /// <summary>Per block, the latest end as a day number; <see cref="int.MaxValue"/> when an item has no end (still open).</summary>
    private readonly int[] _latestEnd;

    private EndedBlocks(int[] latestEnd, int count)
    {
        _latestEnd = latestEnd;
        Count = count;
    }

    /// <summary>How many items the list had.</summary>
    public int Count { get; }

    /// <summary>The blocks of <paramref name="list"/> (a whole list, not a child's slice), with each item's end (null: open).</summary>
    public static EndedBlocks Of<T>(DatedList<T> list, Func<T, DateOnly?> endOf)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(endOf);
        var latest = new int[(list.Count + (1 << Shift) - 1) >> Shift];
        Array.Fill(latest, int.MinValue);
        for (var i = 0; i < list.Count; i++)
        {
            var end = endOf(list[i]) is { } e ? e.DayNumber : int.MaxValue;
            ref var block = ref latest[i >> Shift];
            if (end > block) block = end;
        }
        return new EndedBlocks(latest, list.Count);
    }

    /// <summary>
    /// The first index from <paramref name="index"/> on whose block holds an item that had not ended before
    /// <paramref name="date"/> (it ends on or after it, or is open); <see cref="Count"/> or more when no block does.
    /// The item at the index may itself have ended: the caller still tests each item it is given.
    /// </summary>
    public int NextNotEndedBefore(int index, DateOnly date)
    {
        var day = date.DayNumber;
        while (index < Count)
        {
            var block = index >> Shift;
            if (_latestEnd[block] >= day) return index;
            index = (block + 1) << Shift;
        }
        return index;
    }
}

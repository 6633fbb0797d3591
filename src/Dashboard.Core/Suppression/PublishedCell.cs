using System.Globalization;

namespace Dashboard.Core.Suppression;

/// <summary>
/// One count as a councillor or the public may see it. A hidden cell does not carry its value at all, so
/// an exporter cannot print it by mistake.
/// </summary>
public readonly record struct PublishedCell
{
    private PublishedCell(int? value, CellStatus status)
    {
        Value = value;
        Status = status;
    }

    /// <summary>The count when shown; null when hidden, not applicable or not available.</summary>
    public int? Value { get; }

    public CellStatus Status { get; }

    /// <summary>True for c (primary or secondary suppression).</summary>
    public bool IsHidden => Status is CellStatus.Primary or CellStatus.Secondary;

    /// <summary>What to print: the count with thousands separators ("1,234"), or c, z or x.</summary>
    public string Text => Status switch
    {
        CellStatus.Shown when Value is { } v => v.ToString("N0", CultureInfo.InvariantCulture),
        CellStatus.Primary or CellStatus.Secondary => "c",
        CellStatus.NotApplicable => "z",
        _ => "x",
    };

    public static PublishedCell Shown(int value) => new(value, CellStatus.Shown);

    /// <summary>A count of 1 to the threshold, hidden in its own right.</summary>
    public static PublishedCell Primary { get; } = new(null, CellStatus.Primary);

    /// <summary>A count hidden to protect a small one.</summary>
    public static PublishedCell Secondary { get; } = new(null, CellStatus.Secondary);

    public static PublishedCell NotApplicable { get; } = new(null, CellStatus.NotApplicable);

    public static PublishedCell NotAvailable { get; } = new(null, CellStatus.NotAvailable);

    /// <summary>A single count on its own, with no total to protect: shown, or hidden when small.</summary>
    public static PublishedCell Of(int count, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return rule.Hides(count) ? Primary : Shown(count);
    }

    public override string ToString() => Text;
}

namespace Dashboard.Core.Suppression;

/// <summary>
/// The small-number suppression rule a council publishes with every councillor and public table: counts
/// from 1 to <see cref="Threshold"/> are hidden (DfE convention: 5; some councils use 7 or 9), and a further
/// count is hidden where needed so that a hidden one cannot be worked out by subtraction from a total.
/// Zero is shown: "none" discloses nothing about an individual child.
/// </summary>
public sealed record SuppressionRule
{
    /// <summary>Thresholds above this are refused: a rule hiding every count under 100 hides whole services.</summary>
    public const int MaxThreshold = 99;

    public SuppressionRule(int threshold) => Threshold = threshold;

    /// <summary>The DfE convention: counts from 1 to 5 are hidden.</summary>
    public static SuppressionRule Default { get; } = new(5);

    /// <summary>Counts from 1 to this number are hidden (1 to <see cref="MaxThreshold"/>).</summary>
    public int Threshold
    {
        get;
        // Validated here rather than in the constructor so that a `with` copy cannot bypass it.
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxThreshold);
            field = value;
        }
    }

    /// <summary>
    /// The DfE symbols a suppressed table may carry, with their meaning, to print under it.
    /// </summary>
    public static IReadOnlyList<(string Symbol, string Meaning)> SymbolKey { get; } =
    [
        ("c", "confidential: a small count, or a count hidden so that a small count cannot be worked out"),
        ("z", "not applicable (for example a percentage of no cases)"),
        ("x", "not available"),
        ("k", "rounds to zero but is not zero"),
    ];

    /// <summary>
    /// The rule from a council's settings, where 0 means the council has turned suppression off (for
    /// example for internal-only outputs): null then, so the caller has to decide what that means.
    /// </summary>
    public static SuppressionRule? FromSetting(int suppressionThreshold) =>
        suppressionThreshold == 0 ? null : new SuppressionRule(suppressionThreshold);

    /// <summary>True when a count must be hidden in its own right (primary suppression).</summary>
    public bool Hides(int count) => count >= 1 && count <= Threshold;

    /// <summary>The rule in one paragraph, to publish with every suppressed table.</summary>
    public string Describe()
    {
        var small = Threshold == 1 ? "A count of 1 is" : $"Counts from 1 to {Threshold} are";
        return $"{small} shown as c, with a further count hidden where needed so a hidden count cannot be "
            + "worked out from totals. Percentages built from a hidden count are hidden too. Zero is shown as 0.";
    }
}

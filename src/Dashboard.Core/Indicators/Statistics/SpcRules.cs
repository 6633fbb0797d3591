namespace Dashboard.Core.Indicators.Statistics;

/// <summary>
/// The NHS England "Making Data Count" rules for special-cause variation, applied to points that already
/// have their mean and limits. A point exactly on the mean breaks a shift; a repeated value breaks a trend.
/// </summary>
internal static class SpcRules
{
    public const int ShiftLength = 7;
    public const int TrendLength = 6;

    public static void Apply(decimal[] values, decimal mean, decimal?[] upper, decimal?[] lower, decimal?[] upper2, decimal?[] lower2,
        SpecialCause[] causes, SignalDirection?[][] directions)
    {
        var n = values.Length;
        for (var i = 0; i < n; i++)
        {
            if (upper[i] is { } u && values[i] > u) Mark(causes, directions, i, SpecialCause.OutsideLimits, SignalDirection.High);
            if (lower[i] is { } l && values[i] < l) Mark(causes, directions, i, SpecialCause.OutsideLimits, SignalDirection.Low);
        }
        Runs(n, i => Math.Sign(values[i] - mean), ShiftLength, SpecialCause.Shift, causes, directions, 0);
        // A trend compares each point with the one before; the run of changes covers one point more than it counts.
        Runs(n, i => i == 0 ? 0 : Math.Sign(values[i] - values[i - 1]), TrendLength - 1, SpecialCause.Trend, causes, directions, 1);
        for (var i = 0; i + 2 < n; i++)
        {
            TwoOfThree(i, values, upper2, v => v is not null, (x, lim) => x > lim, SignalDirection.High, causes, directions);
            TwoOfThree(i, values, lower2, v => v is not null, (x, lim) => x < lim, SignalDirection.Low, causes, directions);
        }
    }

    /// <summary>Marks every point of a run of at least <paramref name="length"/> equal non-zero signs (plus
    /// <paramref name="lead"/> points before it, for trends).</summary>
    private static void Runs(int n, Func<int, int> sign, int length, SpecialCause cause, SpecialCause[] causes, SignalDirection?[][] directions, int lead)
    {
        var start = 0;
        for (var i = 0; i <= n; i++)
        {
            if (i < n && i > start && sign(i) == sign(start) && sign(i) != 0) continue;
            if (i > start && sign(start) != 0 && i - start >= length)
            {
                var direction = sign(start) > 0 ? SignalDirection.High : SignalDirection.Low;
                for (var k = Math.Max(0, start - lead); k < i; k++) Mark(causes, directions, k, cause, direction);
            }
            start = i;
        }
    }

    private static void TwoOfThree(int i, decimal[] values, decimal?[] limit, Func<decimal?, bool> has, Func<decimal, decimal, bool> beyond,
        SignalDirection direction, SpecialCause[] causes, SignalDirection?[][] directions)
    {
        var hits = new List<int>(3);
        for (var k = i; k < i + 3; k++)
        {
            if (has(limit[k]) && beyond(values[k], limit[k]!.Value)) hits.Add(k);
        }
        if (hits.Count < 2) return;
        foreach (var k in hits) Mark(causes, directions, k, SpecialCause.TwoOfThreeBeyondTwoSigma, direction);
    }

    private static void Mark(SpecialCause[] causes, SignalDirection?[][] directions, int i, SpecialCause cause, SignalDirection direction)
    {
        causes[i] |= cause;
        directions[i][Slot(cause)] = direction;
    }

    /// <summary>Rule precedence when one point carries opposite signals: limits, then two-of-three, shift, trend.</summary>
    public static SignalDirection? Signal(SignalDirection?[] byRule) =>
        byRule[Slot(SpecialCause.OutsideLimits)] ?? byRule[Slot(SpecialCause.TwoOfThreeBeyondTwoSigma)]
        ?? byRule[Slot(SpecialCause.Shift)] ?? byRule[Slot(SpecialCause.Trend)];

    public static int Slot(SpecialCause cause) => cause switch
    {
        SpecialCause.OutsideLimits => 0,
        SpecialCause.TwoOfThreeBeyondTwoSigma => 1,
        SpecialCause.Shift => 2,
        _ => 3,
    };
}

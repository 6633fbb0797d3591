namespace Dashboard.Synthetic;

/// <summary>What to generate.</summary>
/// <param name="Preset">The council's size.</param>
/// <param name="Seed">The same seed and options give the same rows.</param>
/// <param name="Years">Years of history before <paramref name="AsOf"/> (1 to 20).</param>
/// <param name="AsOf">The extract date: nothing happens after it. Null means today.</param>
/// <param name="FaultRate">The share of rows in leaf tables given a realistic data error (0 to 0.5).</param>
public sealed record GeneratorOptions(CouncilPreset Preset, int Seed = 1, int Years = 5, DateOnly? AsOf = null, double FaultRate = 0.0)
{
    /// <summary>The earliest extract date accepted.</summary>
    public static readonly DateOnly EarliestAsOf = new(2005, 1, 1);

    /// <summary>The latest extract date accepted (the calendar and id widths are sized for it).</summary>
    public static readonly DateOnly LatestAsOf = new(2099, 12, 31);

    /// <summary>Write ssd_early_help_episodes; when false the table is created empty.</summary>
    public bool IncludeEarlyHelp { get; init; } = true;

    /// <summary>Write the two ssd_ext_ tables; when false they are created empty.</summary>
    public bool IncludeExtensions { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> whose message is one sentence naming the first invalid option.</summary>
    internal void Validate(DateOnly asOf)
    {
        if (!Enum.IsDefined(Preset))
        {
            throw new ArgumentException($"Preset must be one of Scilly, Small, Medium or Large (was {(int)Preset}).");
        }
        if (Years is < 1 or > 20)
        {
            throw new ArgumentException($"Years must be between 1 and 20 (was {Years}).");
        }
        if (double.IsNaN(FaultRate) || FaultRate is < 0.0 or > 0.5)
        {
            throw new ArgumentException($"FaultRate must be between 0 and 0.5 (was {FaultRate}).");
        }
        if (asOf < EarliestAsOf || asOf > LatestAsOf)
        {
            throw new ArgumentException(
                $"AsOf must be between {EarliestAsOf:yyyy-MM-dd} and {LatestAsOf:yyyy-MM-dd} (was {asOf:yyyy-MM-dd}).");
        }
    }
}

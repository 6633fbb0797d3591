namespace Dashboard.Synthetic;

/// <summary>How far a generation has gone.</summary>
/// <param name="Stage">What it is doing, in words.</param>
/// <param name="Fraction">0 to 1 over the whole generation.</param>
public sealed record GenerationProgress(string Stage, double Fraction);

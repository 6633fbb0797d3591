namespace Dashboard.Core.Glossary;

/// <summary>The statistical terms behind the charts' plain-English verdicts.</summary>
public static class StatisticsTerms
{
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("Control limits", "The range a figure would normally move within by chance alone, worked out from its own past months."),
    ];
}

namespace Dashboard.Core.Glossary;

/// <summary>The abbreviations and words of children's social care that pages and packs use.</summary>
public static class ServiceTerms
{
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("CP", "Child protection: a plan made at a conference when a child is judged at risk of significant harm.", "child protection"),
    ];
}

namespace Dashboard.Core.Glossary;

/// <summary>A word or abbreviation a reader may not know, and what it means in plain English.</summary>
/// <param name="Term">As it is printed: "ICPC", "Control limits".</param>
/// <param name="Meaning">One or two plain sentences.</param>
/// <param name="Expansion">For an abbreviation, its long form ("initial child protection conference"); else null.</param>
public sealed record GlossaryEntry(string Term, string Meaning, string? Expansion = null);

namespace Dashboard.Core.Glossary;

/// <summary>
/// The one glossary every reader prints (the dashboard's glossary, the indicator pages, the packs' key): the words of the
/// service (<see cref="ServiceTerms"/>) and of the statistics (<see cref="StatisticsTerms"/>), in alphabetical order.
/// Headlines use plain words; the technical terms live here.
/// </summary>
public static class Glossary
{
    public static IReadOnlyList<GlossaryEntry> All { get; } =
        [.. ServiceTerms.Entries.Concat(StatisticsTerms.Entries).OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The entry for a term or abbreviation, ignoring case; null when the glossary has none.</summary>
    public static GlossaryEntry? Find(string term) =>
        All.FirstOrDefault(e => string.Equals(e.Term, term, StringComparison.OrdinalIgnoreCase));
}

using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Reports.Monitoring;

/// <summary>The few words the monitoring pack's print components share: ratings, rates, dashes and tallies.</summary>
internal static class MonitoringPrintText
{
    /// <summary>What a table prints for a value there is none of.</summary>
    public const string None = "–";

    /// <summary>"Green", "Amber", "Red", "Too few to rate" (fewer cases than the council's minimum), or "–" (no target, no
    /// figure, a context measure, or the month so far): the rating in words, never colour alone.</summary>
    public static string RagWords(Rag? rag) => rag switch
    {
        Core.Indicators.Statistics.Rag.TooFewToRate => "Too few to rate",
        Core.Indicators.Statistics.Rag.Green => "Green",
        Core.Indicators.Statistics.Rag.Amber => "Amber",
        Core.Indicators.Statistics.Rag.Red => "Red",
        _ => None,
    };

    /// <summary>The class that colours the rating's swatch beside its word.</summary>
    public static string RagClass(Rag? rag) => rag switch
    {
        Core.Indicators.Statistics.Rag.Green => "rag rag-green",
        Core.Indicators.Statistics.Rag.Amber => "rag rag-amber",
        Core.Indicators.Statistics.Rag.Red => "rag rag-red",
        _ => "rag rag-none",
    };

    /// <summary>A rate held as a fraction (0.123) as the pack prints percentages ("12.3%").</summary>
    public static string Rate(decimal? fraction) => fraction is { } f ? IndicatorValue.Format(IndicatorUnit.Percent, f * 100m) : None;

    public static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? None : text;

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 April 2026 at 02:14 UTC": when a load finished, without the machine's name or paths.</summary>
    public static string When(DateTimeOffset? at)
    {
        if (at is not { } t) return "at a time not recorded";
        var zone = t.Offset == TimeSpan.Zero ? "UTC" : "UTC" + t.ToString("zzz", CultureInfo.InvariantCulture);
        return $"{PackText.Date(DateOnly.FromDateTime(t.DateTime))} at {t.ToString("HH:mm", CultureInfo.InvariantCulture)} {zone}";
    }

    /// <summary>"Higher is better", "Lower is better" or that the measure is context only.</summary>
    public static string PolarityWords(Polarity polarity) => polarity switch
    {
        Core.Indicators.Catalogue.Polarity.HigherIsBetter => "Higher is better",
        Core.Indicators.Catalogue.Polarity.LowerIsBetter => "Lower is better",
        _ => "A context measure: neither direction is better",
    };

    /// <summary>"2 better, 1 worse, 1 cannot be compared": how a finding's measures moved since the letter.</summary>
    public static string Tally(IReadOnlyList<IndicatorEvidence> indicators)
    {
        if (indicators.Count == 0) return "No measure is linked to this finding.";
        var parts = new List<string>();
        void Add(int n, string words) { if (n > 0) parts.Add($"{n} {words}"); }
        Add(indicators.Count(i => i.Direction == ChangeDirection.Better), "better");
        Add(indicators.Count(i => i.Direction == ChangeDirection.Worse), "worse");
        Add(indicators.Count(i => i.Direction == ChangeDirection.NoChange), "unchanged");
        Add(indicators.Count(i => i.Direction == ChangeDirection.Moved), "moved (context only)");
        Add(indicators.Count(i => i.Direction == ChangeDirection.Unknown), "cannot be compared");
        var measures = indicators.Count == 1 ? "1 measure" : $"{indicators.Count} measures";
        return $"{measures} since the letter: {string.Join(", ", parts)}.";
    }

    /// <summary>The id an in-document link and a heading share.</summary>
    public static string FindingAnchor(int index) => $"finding-{index + 1}";
}

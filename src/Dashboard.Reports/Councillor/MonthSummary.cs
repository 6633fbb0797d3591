using Dashboard.Data.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.App;
using Dashboard.Reports.Figures;

namespace Dashboard.Reports.Councillor;

/// <summary>One line of the summary: the measure, its figure, and why it is listed, in a short plain sentence.</summary>
public sealed record SummaryLine(IndicatorDefinition Definition, string Figure, string Change, string Reason);

/// <summary>A finding from an Ofsted letter on a theme that got worse, and what the service recorded it is doing about it
/// (null: nothing recorded, which the pack says rather than repeating the finding).</summary>
public sealed record SummaryFinding(Theme Theme, DateOnly LetterDate, string Title, string? Action);

/// <summary>Page 1: what improved, what got worse, and what is being done (Ofsted findings on the themes that got worse).</summary>
public sealed record MonthSummary(IReadOnlyList<SummaryLine> Improved, IReadOnlyList<SummaryLine> Worse, IReadOnlyList<Theme> WorseThemes,
    IReadOnlyList<SummaryFinding> BeingDone)
{
    /// <summary>At most this many lines in each list, so page 1 stays one page.</summary>
    public const int MaxLines = 5;

    /// <summary>At most this many findings, the newest letters first, for the same reason.</summary>
    public const int MaxFindings = 3;

    /// <summary>
    /// A measure improved (or got worse) when SPC says so and the figure itself moved that way over the year (or, with no
    /// figure a year ago, since last month), or when it moved the better (worse) way both since last month and since a
    /// year ago by a clear margin (<see cref="ClearChange"/>). SPC signals come first; then the biggest year-on-year
    /// moves. Context measures (no better direction) are not judged. A measure is never listed as worse while its own
    /// figure is better than a year ago: a councillor reads the figures beside the words.
    /// </summary>
    public static MonthSummary Of(IEnumerable<IndicatorTrend> indicators, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(findings);
        var judged = indicators.Where(i => i.Definition.Polarity != Polarity.Neither && i.Current.Value is not null).ToList();
        var improved = Pick(judged, better: true);
        var worse = Pick(judged, better: false);
        var worseThemes = worse.Select(w => w.Definition.Theme).Distinct().Order().ToList();
        var worseIds = worse.Select(w => w.Definition.Id).ToHashSet(StringComparer.Ordinal);
        var beingDone = findings
            .Where(f => worseThemes.Contains(f.Theme) || f.IndicatorIds.Any(worseIds.Contains))
            .OrderByDescending(f => f.LetterDate).ThenBy(f => f.Theme).Take(MaxFindings)
            .Select(f => new SummaryFinding(f.Theme, f.LetterDate, f.Title, f.Action is { } a ? Shorten(a) : null)).ToList();
        return new MonthSummary(improved, worse, worseThemes, beingDone);
    }

    private static List<SummaryLine> Pick(List<IndicatorTrend> judged, bool better)
    {
        var signal = better ? Variation.Improving : Variation.Deteriorating;
        var bySpc = judged.Where(i => i.Spc.Variation == signal && Moved(i, i.YearAgo.Value is null ? i.LastMonth : i.YearAgo, better));
        var byChange = judged.Where(i => i.Spc.Variation != signal && i.Spc.Variation != (better ? Variation.Deteriorating : Variation.Improving)
                && ClearChange(i, i.YearAgo, better) && Moved(i, i.LastMonth, better))
            .OrderByDescending(i => Math.Abs(Relative(i, i.YearAgo)));
        return [.. bySpc.Concat(byChange).Take(MaxLines).Select(i => Line(i, i.Spc.Variation == signal, better))];
    }

    private static SummaryLine Line(IndicatorTrend i, bool spc, bool better)
    {
        var figure = i.Current.ValueText;
        var changes = new List<string>();
        // Rolling figures are compared with the window a month and a year earlier, named as such.
        if (i.LastMonth.Value is not null) changes.Add(i.Rolling ? $"{i.LastMonth.ValueText} in the {i.Length.Covers(i.Month.Previous())}" : $"{i.LastMonth.ValueText} last month");
        if (i.YearAgo.Value is not null) changes.Add(i.Rolling ? $"{i.YearAgo.ValueText} in the {i.Length.Covers(i.Month.AddMonths(-12))}" : $"{i.YearAgo.ValueText} a year ago");
        var change = changes.Count == 0 ? "" : $"({string.Join(", ", changes)}).";
        // Rolling figures have no SPC, so nothing is said about the usual ups and downs.
        // The glance boxes above count the charts' verdicts, so a measure listed for its year-on-year move alone says
        // that its chart does not (yet) call it a real change; otherwise "0 measures improving" reads beside a list.
        var way = better ? "better" : "worse";
        var since = i.YearAgo.Value is null ? "last month" : "a year ago";
        var reason = spc ? $"A real {(better ? "improvement" : "decline")} on its chart, not just the usual ups and downs."
            : i.Rolling ? $"Clearly {way} than {since}."
            : $"Clearly {way} than {since}, though its chart still counts this within the usual ups and downs.";
        return new SummaryLine(i.Definition, figure, change, reason);
    }

    /// <summary>Five percentage points for a percentage, a tenth for a count or an average.</summary>
    private static bool ClearChange(IndicatorTrend i, VisibleFigure before, bool better)
    {
        if (before.Value is null || !Moved(i, before, better)) return false;
        var change = Math.Abs(i.Current.Value!.Value - before.Value.Value);
        return i.Definition.Unit == IndicatorUnit.Percent ? change >= 5m : before.Value.Value != 0m && change / Math.Abs(before.Value.Value) >= 0.1m;
    }

    private static bool Moved(IndicatorTrend i, VisibleFigure before, bool better)
    {
        if (before.Value is not { } was || i.Current.Value is not { } now || now == was) return false;
        return (now > was) == (i.Definition.Polarity == Polarity.HigherIsBetter) == better;
    }

    private static decimal Relative(IndicatorTrend i, VisibleFigure before) =>
        i.Definition.Unit == IndicatorUnit.Percent || before.Value is not { } was || was == 0m
            ? (i.Current.Value ?? 0m) - (before.Value ?? 0m)
            : ((i.Current.Value ?? 0m) - was) / was * 100m;

    /// <summary>The first sentence of what is being done, so page 1 stays one page (the whole text is on the themes page).</summary>
    private static string Shorten(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        var end = 0;
        for (var n = 0; n < 1; n++)
        {
            var next = text.IndexOf(". ", end, StringComparison.Ordinal);
            if (next < 0) return text.Length <= 240 ? text : text[..237] + "...";
            end = next + 1;
        }
        return text[..end];
    }
}

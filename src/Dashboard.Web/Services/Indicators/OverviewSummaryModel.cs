using Dashboard.Data.Indicators;
using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Web.Services.Indicators;

/// <summary>A measure that moved enough since the previous month to be worth a reader's attention.</summary>
/// <param name="Change">The move in the words the Themes page and packs use ("up 6.2 percentage points").</param>
/// <param name="Direction">Better or worse given the measure's polarity.</param>
public sealed record SummaryMover(IndicatorDefinition Definition, string From, string To, string Change, ChangeDirection Direction)
{
    public string DirectionWord => FigureChange.Words(Direction);
}

/// <summary>A red (or, when few are red, amber) measure and one plain sentence on how far it is from its target.</summary>
public sealed record SummaryConcern(IndicatorDefinition Definition, string RagWord, string Sentence);

/// <summary>
/// The answer to "how are we doing?" above the tiles: how many measures are red, amber, green and not rated, the
/// biggest movers since the previous month, and the top concerns. Built only from the tiles the page shows, so the
/// counts always agree with the tiles' own RAG words.
/// </summary>
public sealed record OverviewSummaryModel(int Red, int Amber, int Green, int NotRated,
    IReadOnlyList<SummaryMover> Movers, IReadOnlyList<SummaryConcern> Concerns)
{
    /// <summary>At most this many concerns: the top few, not a second list of every red tile.</summary>
    public const int MaxConcerns = 5;

    /// <summary>At most this many movers.</summary>
    public const int MaxMovers = 3;

    /// <summary>A percentage moving by at least this many points in a month matters.</summary>
    public const decimal PercentPointsThatMatter = 5m;

    /// <summary>A count or average moving by at least this share of last month's figure matters.</summary>
    public const decimal ShareThatMatters = 0.10m;

    /// <summary>
    /// A move over fewer cases than this in either month is chance as often as not (2 of 5 after 5 of 5), so it is not
    /// called a mover: the same as the default minimum for a rating (a figure over fewer cases is "too few to rate").
    /// </summary>
    public const int MinimumCases = 10;

    /// <summary>The symbol a hidden small number is shown as (PublishedCell's "c").</summary>
    private const string HiddenSymbol = "c";

    public int Rated => Red + Amber + Green;

    /// <summary>
    /// Of the measures with no rating, those whose figure is hidden to protect small numbers (a councillor's view).
    /// Said aloud, so fewer reds than the director sees never reads as a better picture.
    /// </summary>
    public int Hidden { get; init; }

    public static OverviewSummaryModel Of(IReadOnlyCollection<OverviewTile> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var red = tiles.Count(t => t.Rag == Rag.Red);
        var amber = tiles.Count(t => t.Rag == Rag.Amber);
        var green = tiles.Count(t => t.Rag == Rag.Green);
        return new OverviewSummaryModel(red, amber, green, tiles.Count - red - amber - green, TopMovers(tiles), TopConcerns(tiles))
        {
            Hidden = tiles.Count(t => t.Figure.IsAvailable && t.Figure.Value is null && t.Figure.ValueText == HiddenSymbol),
        };
    }

    /// <summary>
    /// The largest moves that matter (5 percentage points, or a tenth of a count or average), better or worse;
    /// context measures are left out, since neither way is better.
    /// </summary>
    private static List<SummaryMover> TopMovers(IEnumerable<OverviewTile> tiles) =>
    [
        .. tiles
            .Select(t => (Tile: t, Size: MoveSize(t)))
            .Where(x => x.Size >= 1m)
            .OrderByDescending(x => x.Size)
            .ThenBy(x => x.Tile.Definition.Id, StringComparer.Ordinal)
            .Take(MaxMovers)
            .Select(x =>
            {
                var d = x.Tile.Definition;
                var (_, text, direction) = FigureChange.Of(x.Tile.Previous.Value, x.Tile.Figure.Value, d.Unit, d.Polarity);
                return new SummaryMover(d, x.Tile.Previous.ValueText, x.Tile.Figure.ValueText, text, direction);
            }),
    ];

    /// <summary>How big the move is in multiples of what matters: 1 or more matters; 0 when there is no move to judge.</summary>
    private static decimal MoveSize(OverviewTile tile)
    {
        var d = tile.Definition;
        if (d.Polarity == Polarity.Neither) return 0m;
        var (change, _, direction) = FigureChange.Of(tile.Previous.Value, tile.Figure.Value, d.Unit, d.Polarity);
        if (change is not { } c || direction is not (ChangeDirection.Better or ChangeDirection.Worse)) return 0m;
        if (!EnoughCases(tile.Previous, d.Unit) || !EnoughCases(tile.Figure, d.Unit)) return 0m;
        if (d.Unit == IndicatorUnit.Percent) return Math.Abs(c) / PercentPointsThatMatter;
        var before = Math.Abs(tile.Previous.Value!.Value);
        // From zero any rise is infinite as a share; judge it against one case instead.
        return Math.Abs(c) / (Math.Max(before, 1m) * ShareThatMatters);
    }

    /// <summary>Cases behind a figure: the denominator of a rate or average, the count itself for a count.</summary>
    private static bool EnoughCases(VisibleFigure figure, IndicatorUnit unit) =>
        (unit == IndicatorUnit.Count ? (int?)Math.Round(figure.Value ?? 0m) : figure.Denominator) >= MinimumCases;

    /// <summary>Red measures furthest from their target first (the gap as a share of the target), then amber ones to make up three.</summary>
    private static List<SummaryConcern> TopConcerns(IEnumerable<OverviewTile> tiles)
    {
        var rated = tiles.Where(t => t.Rag is Rag.Red or Rag.Amber && t.Target is not null && t.Figure.Value is not null)
            .OrderBy(t => t.Rag == Rag.Red ? 0 : 1)
            .ThenByDescending(RelativeGap)
            .ThenBy(t => t.Definition.Id, StringComparer.Ordinal)
            .ToList();
        var reds = rated.Count(t => t.Rag == Rag.Red);
        var take = Math.Min(MaxConcerns, Math.Max(reds, 3));
        return [.. rated.Take(take).Select(t => new SummaryConcern(t.Definition, t.RagWord!, Sentence(t)))];
    }

    /// <summary>The gap as a share of the target; against a target of none, the share of cases that should not be there.</summary>
    private static decimal RelativeGap(OverviewTile tile)
    {
        var gap = Math.Abs(tile.Figure.Value!.Value - tile.Target!.Value);
        if (tile.Target.Value != 0) return gap / Math.Abs(tile.Target.Value);
        return tile.Figure.Denominator is > 0 and var cases ? gap / cases : 1m;
    }

    /// <summary>"71.2% of visits on time against a target of 90%: 18.8 percentage points short (412 of 579 visits)."</summary>
    public static string Sentence(OverviewTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var d = tile.Definition;
        var value = tile.Figure.Value!.Value;
        var target = tile.Target!.Value;
        var decimals = d.Unit == IndicatorUnit.Count ? 0 : 1;
        var gap = Math.Abs(Math.Round(value, decimals, MidpointRounding.AwayFromZero) - Math.Round(target, decimals, MidpointRounding.AwayFromZero));
        var gapText = gap.ToString(decimals == 0 ? "N0" : "0.0", CultureInfo.InvariantCulture)
            + (d.Unit == IndicatorUnit.Percent ? gap == 1m ? " percentage point" : " percentage points" : "");
        var side = d.Polarity == Polarity.HigherIsBetter ? "short of it" : "over it";
        var targetWords = d.Polarity == Polarity.HigherIsBetter ? "a target of at least" : "a target of at most";
        var counts = tile.Figure.CountsInWords(d, tile.Length);
        if (target == 0 && d.Polarity == Polarity.LowerIsBetter)
        {
            return $"{tile.Figure.ValueText} against a target of none" + (counts.Length > 0 ? $" ({counts})." : ".");
        }
        return $"{tile.Figure.ValueText} against {targetWords} {IndicatorValue.Format(d.Unit, target)}: {gapText} {side}"
            + (counts.Length > 0 ? $" ({counts})." : ".");
    }
}

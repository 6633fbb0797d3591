using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// The SPC verdict in plain words (<see cref="SpcWords"/>), and the CSS modifier and one-letter icon the tile and page
/// show beside them. It speaks of the latest phase of the chart: <see cref="Sentence"/> says since when.
/// </summary>
/// <param name="Variation">"Getting better", "No real change", "Too few months to judge yet".</param>
/// <param name="Assurance">"consistently below the target", "may or may not meet the target", "no target set"; null when
/// there are too few months to judge.</param>
/// <param name="Headline">"No real change; consistently below the target": the variation and, when there is one to give, the assurance.</param>
/// <param name="Sentence">"Over the last two years: no real change; consistently below the target.", or "Since March 2025, when
/// the limits were recalculated after a sustained rise (...): ...".</param>
public sealed record Verdict(string Variation, string? Assurance, string Modifier, string Icon, string Headline, string Sentence)
{
    /// <summary>The headline, for a tooltip.</summary>
    public string Title => Headline;

    /// <summary>For rolling 3- or 12-month figures: rated against the target, but never given an SPC verdict.</summary>
    public static Verdict ForRolling(Core.Indicators.Rolling.FigureLength length) =>
        new(SpcWords.Capital(SpcWords.NotJudgedRolling), null, "none", "–", SpcWords.Capital(SpcWords.NotJudgedRolling), SpcWords.RollingSentence(length.Months));

    public static Verdict Of(SpcResult spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var (modifier, icon) = spc.Variation switch
        {
            Core.Indicators.Statistics.Variation.Improving => ("improving", "↑"),
            Core.Indicators.Statistics.Variation.Deteriorating => ("deteriorating", "↓"),
            Core.Indicators.Statistics.Variation.HigherThanUsual => ("high", "H"),
            Core.Indicators.Statistics.Variation.LowerThanUsual => ("low", "L"),
            Core.Indicators.Statistics.Variation.NotEnoughData => ("none", "?"),
            _ => ("common", "–"),
        };
        var judged = spc.Variation != Core.Indicators.Statistics.Variation.NotEnoughData && spc.Assurance != Core.Indicators.Statistics.Assurance.NotEnoughData;
        return new Verdict(SpcWords.Capital(spc.VariationWords), judged ? spc.AssuranceWords : null, modifier, icon, spc.Headline, SpcWords.Sentence(spc));
    }
}

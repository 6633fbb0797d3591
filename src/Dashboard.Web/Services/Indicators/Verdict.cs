using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Web.Services.Indicators;

/// <summary>The SPC verdict in words, and the CSS modifier and one-letter icon the tile and page show beside them.</summary>
public sealed record Verdict(string Variation, string Assurance, string Modifier, string Icon, string Title)
{
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
        var words = char.ToUpperInvariant(spc.VariationWords[0]) + spc.VariationWords[1..];
        return new Verdict(words, spc.AssuranceWords, modifier, icon, $"{words}; {spc.AssuranceWords}");
    }
}

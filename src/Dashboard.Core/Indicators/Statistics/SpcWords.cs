using Dashboard.Core.Indicators.Catalogue;

namespace Dashboard.Core.Indicators.Statistics;

/// <summary>
/// The verdict in words a councillor reads without help, the one wording every page, pack and the CLI print. The
/// technical terms behind them (special cause, control limits) live in the glossary (<see cref="Glossary.StatisticsTerms"/>).
/// </summary>
public static class SpcWords
{
    public const string TooFewMonths = "too few months to judge yet";

    /// <summary>The verdict's place for rolling figures: none is given (see <see cref="RollingSentence"/>).</summary>
    public const string NotJudgedRolling = "not judged on rolling figures";

    /// <summary>Why a rolling figure has no verdict, for the page and the pack.</summary>
    public static string RollingSentence(int months) =>
        $"No statistical verdict on {months}-month figures: each one shares {months - 1} months with the one before it, so a run of them " +
        "would show a change that is not there. Choose 1 month for the verdict on monthly figures.";

    public static string Variation(Variation variation) => variation switch
    {
        Statistics.Variation.NotEnoughData => TooFewMonths,
        Statistics.Variation.NoSignificantChange => "no real change",
        Statistics.Variation.Improving => "getting better",
        Statistics.Variation.Deteriorating => "getting worse",
        Statistics.Variation.HigherThanUsual => "higher than usual",
        Statistics.Variation.LowerThanUsual => "lower than usual",
        _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, null),
    };

    /// <summary>Where the limits sit against the target: a miss is "below" when higher is better, "above" when lower is.</summary>
    public static string Assurance(Assurance assurance, Polarity polarity) => assurance switch
    {
        Statistics.Assurance.NoTarget => "no target set",
        Statistics.Assurance.ConsistentlyMet => "consistently meets the target",
        Statistics.Assurance.ConsistentlyMissed => polarity == Polarity.LowerIsBetter ? "consistently above the target" : "consistently below the target",
        Statistics.Assurance.MayOrMayNotMeet => "may or may not meet the target",
        Statistics.Assurance.NotEnoughData => "too few months to judge against the target yet",
        _ => throw new ArgumentOutOfRangeException(nameof(assurance), assurance, null),
    };

    /// <summary>
    /// "Getting better; consistently below the target". The assurance is left off when there is no target or too few
    /// months (the variation already says so).
    /// </summary>
    public static string Headline(SpcResult spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var variation = Capital(spc.VariationWords);
        return spc.Assurance is Statistics.Assurance.NoTarget or Statistics.Assurance.NotEnoughData || spc.Variation == Statistics.Variation.NotEnoughData
            ? variation
            : $"{variation}; {spc.AssuranceWords}";
    }

    /// <summary>
    /// What period the verdict covers: "Over the last two years" with one phase; "Since March 2025, when the limits were
    /// recalculated after a sustained rise (...)" when the latest phase started later.
    /// </summary>
    public static string Period(SpcResult spc, string whole = "Over the last two years")
    {
        ArgumentNullException.ThrowIfNull(spc);
        if (spc.LatestPhase is not { Reason: not PhaseStart.FirstMonth } phase) return whole;
        var month = phase.Start.First.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return phase.Reason == PhaseStart.RecordedChange
            ? $"Since {month}, when the council recorded a change ({phase.Change})"
            : $"Since {month}, when the limits were recalculated {phase.Why}";
    }

    /// <summary>"Over the last two years: getting better; consistently below the target."</summary>
    public static string Sentence(SpcResult spc, string whole = "Over the last two years")
    {
        ArgumentNullException.ThrowIfNull(spc);
        var headline = spc.Headline;
        return $"{Period(spc, whole)}: {char.ToLowerInvariant(headline[0])}{headline[1..]}.";
    }

    public static string Capital(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}

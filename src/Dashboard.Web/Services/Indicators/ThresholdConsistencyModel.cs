using Dashboard.Charts;
using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;
using Dashboard.Data.Indicators;

namespace Dashboard.Web.Services.Indicators;

/// <summary>
/// OVERSIGHT-02's page, read from the two decision rates it tests: each team's (and, for roles that see workers,
/// each worker's) rate pooled over the 12 months to the month, against the council's pooled rate with 95% and
/// 99.8% funnel limits. The council's rate and every limit come from exact counts for every viewer; suppression
/// only leaves out a councillor's points, names and counts of units whose numbers are small.
/// </summary>
/// <param name="From">The first month pooled.</param>
/// <param name="To">The month the page is for, the last pooled.</param>
/// <param name="Measures">The referral NFA rate and the assessments' "no need" rate, in that order.</param>
/// <param name="Teams">Teams in the viewer's scope that made decisions in the 12 months, in name order.</param>
/// <param name="ShowsWorkers">False for councillors: no worker is tested on their page.</param>
/// <param name="MinimumWorkerDecisions">A worker is tested on a rate once they made this many decisions of that kind.</param>
public sealed record ThresholdConsistency(
    Month From, Month To, IReadOnlyList<ThresholdMeasure> Measures, IReadOnlyList<ThresholdTeam> Teams, bool ShowsWorkers,
    int MinimumWorkerDecisions)
{
    /// <summary>Teams with a rate tested on either funnel.</summary>
    public IReadOnlyList<ThresholdTeam> Compared => [.. Teams.Where(t => t.Rates.Any(r => r?.Point is not null))];

    /// <summary>Teams outside the 99.8% limits on either rate, named or not.</summary>
    public IReadOnlyList<ThresholdTeam> Outside => [.. Compared.Where(t => t.IsOutside)];

    /// <summary>Teams outside the limits whose numbers are too small to name to this viewer.</summary>
    public int UnnamedOutside => Outside.Count(t => !t.IsNamed);

    /// <summary>Workers tested on either rate (none for councillors), by name.</summary>
    public IReadOnlyList<ThresholdWorker> Workers => [.. Measures.SelectMany(m => m.Workers).GroupBy(w => w.Id, StringComparer.Ordinal)
        .Select(g => new ThresholdWorker(g.Key, g.First().Name, [.. Measures.Select(m => m.Workers.FirstOrDefault(w => w.Id == g.Key))]))
        .OrderBy(w => w.Name, StringComparer.CurrentCulture)];

    /// <summary>"April 2025 to March 2026".</summary>
    public string PeriodText => From == To ? IndicatorFigures.MonthName(To) : $"{IndicatorFigures.MonthName(From)} to {IndicatorFigures.MonthName(To)}";

    /// <summary>How many workers tested decide differently, for roles that see workers.</summary>
    public string WorkersHeadline
    {
        get
        {
            var workers = Workers;
            var outside = workers.Count(w => w.IsOutside);
            var made = $"with {MinimumWorkerDecisions} or more decisions of a kind";
            return workers.Count switch
            {
                0 => $"No worker made {MinimumWorkerDecisions} or more decisions of either kind in these 12 months.",
                1 when outside == 0 => $"The one worker {made} decides in line with the council.",
                _ when outside == 0 => $"All {workers.Count} workers {made} decide in line with the council.",
                _ => $"{outside} of {workers.Count} {(workers.Count == 1 ? "worker" : "workers")} {made} decide differently from the council:",
            };
        }
    }

    /// <summary>
    /// A unit's rates in one sentence: "NFA rate 24.1% (112 of 465), higher than the council's 12.0% (99.8% limits 8.9%
    /// to 15.1%); "no need" rate within the limits". A rate not tested is left out; a hidden one reads "c".
    /// </summary>
    public string Explain(IReadOnlyList<ThresholdUnit?> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var parts = new List<string>();
        for (var i = 0; i < Measures.Count && i < rates.Count; i++)
        {
            if (rates[i] is not { Point: not null } u) continue;
            var m = Measures[i];
            parts.Add(!u.Shown ? $"{m.RateWords} c"
                : u.IsOutside ? $"{m.RateWords} {u.RateText} ({u.NumeratorText} of {u.DenominatorText}), {u.Direction}'s {m.CouncilText} (99.8% limits {u.LimitsText})"
                : $"{m.RateWords} {u.RateText}, within the limits");
        }
        return string.Join("; ", parts);
    }

    /// <summary>Team rates tested (a team tested on both rates counts twice, as OVERSIGHT-02 counts it).</summary>
    public int TeamRatesTested => Teams.Sum(t => t.Rates.Count(r => r?.Point is not null));

    public int TeamRatesOutside => Teams.Sum(t => t.Rates.Count(r => r is { IsOutside: true }));

    public int WorkerRatesTested => Workers.Sum(w => w.Rates.Count(r => r?.Point is not null));

    public int WorkerRatesOutside => Workers.Sum(w => w.Rates.Count(r => r is { IsOutside: true }));

    /// <summary>
    /// How the figure at the top of the page (OVERSIGHT-02: rates outside the limits of all rates tested) is made of the
    /// teams and workers below, so "24 of 96" and "3 of 8 teams" are read as one story. For a viewer who sees no workers,
    /// only that workers are counted too.
    /// </summary>
    public string FigureSentence(int? numerator, int? denominator)
    {
        var teams = $"{TeamRatesOutside} of {TeamRatesTested} team {(TeamRatesTested == 1 ? "rate" : "rates")}";
        if (!ShowsWorkers)
        {
            return $"The figure at the top counts every decision rate tested, teams' and individual workers': {teams} are outside the limits; workers are not listed here.";
        }
        var workers = $"{WorkerRatesOutside} of {WorkerRatesTested} worker {(WorkerRatesTested == 1 ? "rate" : "rates")}";
        var sum = numerator == TeamRatesOutside + WorkerRatesOutside && denominator == TeamRatesTested + WorkerRatesTested;
        return sum
            ? $"The figure at the top, {numerator} of {denominator} rates outside the limits, is {teams} and {workers}."
            : $"Outside the limits over these 12 months: {teams} and {workers}.";
    }

    /// <summary>"3 of 16 teams decide differently from the council", or that none does.</summary>
    public string Headline
    {
        get
        {
            var compared = Compared.Count;
            if (compared == 0) return "No team made enough decisions in these 12 months to compare with the council.";
            var outside = Outside.Count;
            var teams = compared == 1 ? "team" : "teams";
            if (outside == 0 && compared == 1) return "The one team compared decides in line with the council: it is within the 99.8% limits.";
            return outside == 0
                ? $"All {compared} {teams} decide in line with the council: none is outside the 99.8% limits on either rate."
                : $"{outside} of {compared} {teams} decide differently from the council: outside the 99.8% limits on at least one rate.";
        }
    }
}

/// <summary>One decision rate's funnel: the council's pooled rate and each unit's rate and limits around it.</summary>
/// <param name="Name">"Referrals ending in no further action".</param>
/// <param name="RateName">"NFA rate", as a table column.</param>
/// <param name="RateWords">The same inside a sentence ("\"no need\" rate").</param>
/// <param name="Source">The stored indicator the rates are pooled from (FRONT-04, FRONT-05).</param>
/// <param name="CouncilNumerator">The council's decisions with the outcome over the 12 months, exact.</param>
/// <param name="CouncilDenominator">The council's decisions over the 12 months, exact.</param>
/// <param name="CouncilText">The council's rate as this viewer may see it ("12.0%", or "c").</param>
/// <param name="TeamChart">Null when nothing can be compared (fewer than two teams shown, a rate of 0% or 100%, or a hidden council rate).</param>
public sealed record ThresholdMeasure(
    string Name, string RateName, string RateWords, IndicatorDefinition Source, int CouncilNumerator, int CouncilDenominator, string CouncilText,
    IReadOnlyList<ThresholdUnit> TeamUnits, IReadOnlyList<ThresholdUnit> Workers, ChartSpec? TeamChart, ChartSpec? WorkerChart)
{
    /// <summary>The council's rate, a proportion, from exact counts; null with no decisions.</summary>
    public decimal? CouncilRate => CouncilDenominator > 0 ? (decimal)CouncilNumerator / CouncilDenominator : null;

    /// <summary>At 0% or 100% every unit sits on the line and the limits close: nothing is tested.</summary>
    public bool IsTestable => CouncilRate is > 0m and < 1m;
}

/// <summary>
/// A team or worker on one funnel. <see cref="Point"/> is from exact counts (so whether it is outside is the same for
/// every viewer); <see cref="Shown"/> is false when this viewer may not see its counts, and then nothing of it but
/// "outside" or "within" is told, and only as part of a count.
/// </summary>
public sealed record ThresholdUnit(string Id, string Name, FunnelPoint? Point, bool Shown, string NumeratorText, string DenominatorText)
{
    public bool IsOutside => Point is { IsOutlier: true };

    /// <summary>"higher than the council" or "lower than the council" for a unit outside the 99.8% limits.</summary>
    public string? Direction => Point is not { IsOutlier: true } p ? null
        : p.At998 == FunnelPosition.Above ? "higher than the council" : "lower than the council";

    public string RateText => Shown && Point is { } p ? Percent(p.Rate) : Point is null && Shown ? "z" : "c";

    /// <summary>"Within", "Above the 99.8% limits", ... or "c" when hidden from this viewer.</summary>
    public string PositionText => !Shown ? "c" : Point is not { } p ? "Not tested"
        : p.At998 != FunnelPosition.Within ? $"{p.At998} the 99.8% limits"
        : p.At95 != FunnelPosition.Within ? $"{p.At95} the 95% limits (within 99.8%)" : "Within the limits";

    public string LimitsText => Shown && Point is { } p ? $"{Percent(p.Lower998)} to {Percent(p.Upper998)}" : "c";

    internal static string Percent(decimal proportion) => IndicatorValue.Format(IndicatorUnit.Percent, proportion * 100);
}

/// <summary>A team's two rates (either may be null where it made no decisions of that kind).</summary>
public sealed record ThresholdTeam(TeamInfo Team, IReadOnlyList<ThresholdUnit?> Rates)
{
    public bool IsOutside => Rates.Any(r => r is { IsOutside: true });

    /// <summary>Named to this viewer as outside only when every rate that puts it outside is shown.</summary>
    public bool IsNamed => Rates.Where(r => r is { IsOutside: true }).All(r => r!.Shown);
}

/// <summary>A worker's two rates (null where they were not tested on that rate).</summary>
public sealed record ThresholdWorker(string Id, string Name, IReadOnlyList<ThresholdUnit?> Rates)
{
    public bool IsOutside => Rates.Any(r => r is { IsOutside: true });
}

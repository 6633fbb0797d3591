using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts;

/// <summary>The words of an SPC chart: its text alternative and the meaning of each point.</summary>
internal static class SpcText
{
    /// <summary>
    /// Three or four sentences: the span; the latest value against the target and England; where the limits were
    /// recalculated and why (when they were); the latest phase's average and the signals a reader should act on (months
    /// outside the limits, and a run or a steady rise or fall up to the latest month), with the verdict.
    /// </summary>
    public static string Describe(string title, SpcResult spc, List<(Month Month, SpcPoint? Point)> rows, IndicatorUnit unit,
        decimal? target, decimal? england, ChartOptions options)
    {
        if (rows.Count == 0) return $"{title}: no months have a value.";
        var gaps = rows.Count(r => r.Point is null);
        var span = $"{title}, monthly from {ChartStyle.Long(rows[0].Month)} to {ChartStyle.Long(rows[^1].Month)}"
            + (gaps == 0 ? "." : $" ({ChartStyle.Count(gaps, "month", "months")} without a value, shown as {options.Text(unit, null)}).");
        var latest = spc.Points[^1];
        var latestText = $"Latest {options.Text(unit, latest.Value)} in {ChartStyle.Long(latest.Month)}{Against(latest.Value, target, england, unit, options)}.";
        var phases = Phases(spc);
        return $"{span} {latestText} {(phases.Length == 0 ? "" : phases + " ")}{Signals(spc, unit, options)}";
    }

    /// <summary>"The limits were recalculated from March 2025, after a sustained rise (...), and from ...": empty with one phase.</summary>
    private static string Phases(SpcResult spc)
    {
        if (spc.Phases.Count < 2) return "";
        var starts = spc.Phases.Skip(1).Select(p => $"from {ChartStyle.Long(p.Start)}, {p.Why}").ToList();
        var list = starts.Count == 1 ? starts[0] : string.Join("; ", starts.Take(starts.Count - 1)) + "; and " + starts[^1];
        return $"The limits were recalculated {list}.";
    }

    /// <summary>", below the target of 85.0% and the England figure of 80.0%", or "" with neither.</summary>
    public static string Against(decimal value, decimal? target, decimal? england, IndicatorUnit unit, ChartOptions options)
    {
        var parts = new List<(string Relation, string What)>();
        if (target is { } t) parts.Add((Relation(value, t), $"the target of {options.Text(unit, t)}"));
        if (england is { } e) parts.Add((Relation(value, e), $"the England figure of {options.Text(unit, e)}"));
        return parts.Count switch
        {
            0 => "",
            1 => $", {parts[0].Relation} {parts[0].What}",
            _ when parts[0].Relation == parts[1].Relation => $", {parts[0].Relation} {parts[0].What} and {parts[1].What}",
            _ => $", {parts[0].Relation} {parts[0].What} and {parts[1].Relation} {parts[1].What}",
        };
    }

    public static string Relation(decimal value, decimal reference) =>
        value > reference ? "above" : value < reference ? "below" : "equal to";

    /// <summary>The latest phase's average and signals, and the verdict; earlier phases were judged against their own limits.</summary>
    private static string Signals(SpcResult spc, IndicatorUnit unit, ChartOptions options)
    {
        var phase = spc.LatestPhase;
        var points = phase is null ? spc.Points : spc.Points.Where(p => p.Phase == spc.Phases.Count - 1).ToList();
        var mean = options.Text(unit, spc.Mean);
        var since = spc.Phases.Count > 1 && phase is not null ? $"Since {ChartStyle.Long(phase.Start)} the average is" : "The average is";
        if (points.All(p => p.Upper is null && p.Lower is null))
        {
            return spc.Phases.Count > 1 && phase is not null
                ? $"{ChartStyle.Count(points.Count, "month", "months")} since {ChartStyle.Long(phase.Start)}: too few to set limits, so too few months to judge yet; the average is {mean}."
                : $"Too few months to set limits, so too few to judge yet; the average is {mean}.";
        }
        var caveat = spc.FewerPointsThanRecommended
            ? $" (from fewer than {SpcResult.RecommendedPoints} months, so read the limits with care)" : "";
        var found = new List<string>();
        var above = points.Count(p => p.Upper is { } u && p.Value > u);
        var below = points.Count(p => p.Lower is { } l && p.Value < l);
        if (above > 0) found.Add($"{ChartStyle.Count(above, "month is", "months are")} above the upper limit");
        if (below > 0) found.Add($"{ChartStyle.Count(below, "month falls", "months fall")} below the lower limit");
        var shift = RunAtEnd(points, SpecialCause.Shift);
        if (shift > 0)
        {
            var side = points[^1].Value > points[^1].Mean ? "above" : "below";
            found.Add($"the last {shift} months are {side} the average");
        }
        var trend = RunAtEnd(points, SpecialCause.Trend);
        if (trend > 0)
        {
            var way = points[^1].Value > points[^2].Value ? "risen" : "fallen";
            found.Add($"the last {trend} months have each {way}");
        }
        if (found.Count == 0)
        {
            var earlier = points.Count(p => p.Causes != SpecialCause.None);
            found.Add(earlier == 0
                ? "no month is outside the limits and there is no run or steady rise or fall"
                : $"{ChartStyle.Count(earlier, "earlier month shows", "earlier months show")} an unusual change, none in the latest month");
        }
        var list = found.Count == 1 ? found[0] : string.Join(", ", found.Take(found.Count - 1)) + " and " + found[^1];
        return $"{since} {mean}{caveat}; {list}; verdict: {spc.Headline.ToLowerInvariant()}.";
    }

    /// <summary>How many points, counting back from the latest, carry <paramref name="cause"/> (0 when the latest does not).</summary>
    private static int RunAtEnd(IReadOnlyList<SpcPoint> points, SpecialCause cause)
    {
        var n = 0;
        for (var i = points.Count - 1; i >= 0 && points[i].Causes.HasFlag(cause); i--) n++;
        return n;
    }

    /// <summary>"Concern: outside the limits, 7 or more on one side of the average", for the table.</summary>
    public static string Meaning(SpcPoint p, Polarity polarity)
    {
        var category = SpcChart.Category(p, polarity);
        if (p.Causes == SpecialCause.None) return category;
        var rules = new List<string>();
        if (p.Causes.HasFlag(SpecialCause.OutsideLimits)) rules.Add("outside the limits");
        if (p.Causes.HasFlag(SpecialCause.TwoOfThreeBeyondTwoSigma)) rules.Add("two of three months near a limit");
        if (p.Causes.HasFlag(SpecialCause.Shift)) rules.Add("7 or more on one side of the average");
        if (p.Causes.HasFlag(SpecialCause.Trend)) rules.Add("6 or more rising or falling in a row");
        return $"{category}: {string.Join(", ", rules)}";
    }
}

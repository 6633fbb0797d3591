namespace Dashboard.Core.Glossary;

/// <summary>
/// The statistical terms behind the charts' plain-English verdicts. Headlines say "getting better" or "consistently below
/// the target"; these entries say what lies behind those words, for a reader who wants to know. Printed under each
/// indicator's chart and in the packs' key, in this order (the order a reader meets them on a chart).
/// </summary>
public static class StatisticsTerms
{
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("SPC chart",
            "A chart of a figure month by month that tells real change from ordinary ups and downs, as NHS England's Making Data Count teaches. The verdict under it comes from the latest months.",
            "statistical process control"),
        new("Mean (average line)",
            "The solid line across the chart: the average of the months since the limits were last worked out."),
        new("Control limits",
            "The dashed lines above and below the average: the range a figure would normally move within by chance alone, worked out from its own months (about three standard deviations, or sigma, either side)."),
        new("Phase (limits recalculated)",
            "When a figure moves to a new level and stays there, or the council records a change to the service, the average and limits are worked out again from that month. Each stretch is a phase; the chart marks where one starts and why."),
        new("Common cause variation",
            "The ordinary ups and downs of a figure inside its limits, with no pattern: no real change (grey points)."),
        new("Special cause variation",
            "A change too large or too regular to be chance, so something real has happened and is worth asking about: blue points when it is for the better, orange when for the worse."),
        new("Run of 7",
            "7 or more months in a row above the average, or below it: the figure has moved to a new level. The limits are then worked out again from the first of those months."),
        new("Trend of 6",
            "6 or more months in a row, each higher than the one before (or each lower)."),
        new("Two of three beyond two sigma",
            "Two of three months in a row close to a limit on the same side: more than two thirds of the way from the average to the limit."),
        new("Assurance",
            "Whether the figure can be relied on to meet its target, from where the latest limits sit: \"consistently meets the target\" when even the worse limit meets it, \"consistently below (or above) the target\" when even the better limit misses it, \"may or may not meet the target\" when the target lies between the limits."),
        new("p-chart",
            "The SPC chart for percentages: its limits are wider in months when few children are counted and narrower when many are. Adjusted (Laney's p′) so that a large council's big numbers do not make ordinary months look unusual."),
        new("XmR chart",
            "The SPC chart for counts and averages: its limits come from how much the figure usually moves from one month to the next."),
        new("Funnel plot",
            "A chart comparing teams or workers of different sizes with the council's rate. The funnel-shaped lines show how far a rate can stray from the council's by chance alone, given how many cases are counted: narrow for big teams, wide for small ones."),
        new("95% and 99.8% limits",
            "The funnel plot's two pairs of lines. A rate outside the 95% lines would happen by chance about 1 time in 20; outside the 99.8% lines about 1 time in 500, a strong sign of a real difference."),
    ];
}

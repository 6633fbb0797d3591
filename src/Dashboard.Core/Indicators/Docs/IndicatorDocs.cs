using System.Globalization;
using System.Text;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Core.Indicators.Docs;

/// <summary>
/// Renders docs/indicators.md from the catalogue's metadata, so the page can never disagree with the code.
/// A test fails when the committed page differs; UPDATE_DOCS=1 makes that test write it.
/// </summary>
public static class IndicatorDocs
{
    public const string Path = "docs/indicators.md";

    public static string Render()
    {
        var b = new StringBuilder();
        b.Append("""
            # Indicators

            GENERATED from the catalogue in `src/Dashboard.Core/Indicators/Catalogue`; do not edit by hand. To
            regenerate after changing an indicator: `UPDATE_DOCS=1 dotnet test tests/Dashboard.Core.Tests --filter Generated`.

            ## How every indicator is counted

            - **Months.** Every figure is for a calendar month, from its first to its last day inclusive. "As at"
              figures are the position on the month's last day; in the latest month, which is not over, on the
              extract date instead. "In the month" figures count events dated in the month; "due in the month"
              figures count due dates falling in it.
            - **Open on a date.** A plan, episode or allocation is open on a date when it started on or before it
              and had not ended before it: an end date is the last day it was open.
            - **Working days** exclude weekends and England and Wales bank holidays. The start day is day zero:
              a referral on Monday decided on Tuesday took 1 working day. DfE's CIN validator counts the start
              day as day one; where that matters the definition says so. Calendar-month and calendar-week rules
              (reviews, looked-after visits) are not moved for a weekend or bank holiday.
            - **Teams and workers** are those allocated on the date the rule turns on (the as-at date, the
              event's date, or the due date): the worker of the allocation open that day (the later start
              wins), in the team of the worker's spell that day; failing that, the team and worker recorded on
              the event; failing that, "unknown". Council figures are the sum of their teams'.
            - **No value.** A month with nothing to count (a zero denominator) has no value: not 0%, not an
              error. An indicator whose source is missing from the council's extract is "not available".
            - **Exception lists.** Every failure counted has a child-level row (who, team, worker, what was due,
              when, how late), for managers and inspectors. Exception lists are never shown to councillors.
            - **Targets** are local settings (`reports/settings/indicator-defaults.json`); the defaults below are
              starting points for a council to set, not DfE targets. England figures are DfE's, with their year.

            """).Append('\n');
        Summary(b);
        foreach (var theme in Enum.GetValues<Theme>())
        {
            b.Append(CultureInfo.InvariantCulture, $"## {theme.Code()}: {theme.Describe()}\n\n");
            foreach (var indicator in IndicatorCatalogue.All.Where(i => i.Definition.Theme == theme)) Section(b, indicator.Definition);
        }
        Statistics(b);
        return b.ToString();
    }

    private static void Summary(StringBuilder b)
    {
        b.Append("## Summary\n\n| id | title | polarity | unit | default target | England |\n|---|---|---|---|---|---|\n");
        foreach (var d in IndicatorCatalogue.All.Select(i => i.Definition))
        {
            var england = d.England is null ? "" : IndicatorValue.Format(d.Unit, d.England.Value) + (d.England.Derived ? " (derived)" : "");
            b.Append(CultureInfo.InvariantCulture,
                $"| [{d.Id}](#{Anchor(d)}) | {d.Title} | {Polarity(d.Polarity)} | {Unit(d.Unit)} | {Target(d)} | {england} |\n");
        }
        b.Append('\n');
    }

    private static void Section(StringBuilder b, IndicatorDefinition d)
    {
        b.Append(CultureInfo.InvariantCulture, $"### {d.Id} {d.Title}\n\n{d.Definition}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Numerator:** {d.Numerator}\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Denominator:** {d.Denominator}\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Period:** {Period(d.Period)}{(d.LatestMonthOnly ? " (latest month only)" : "")}\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Polarity:** {Polarity(d.Polarity)}\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Unit:** {Unit(d.Unit)}\n");
        if (d.LocalStandard is not null)
        {
            var settings = d.StandardSettings.Count == 0 ? "" : $" (setting{(d.StandardSettings.Count > 1 ? "s" : "")} {string.Join(", ", d.StandardSettings.Select(s => $"`{s}`"))})";
            b.Append(CultureInfo.InvariantCulture, $"- **Standard:** {d.LocalStandard}{settings}\n");
        }
        b.Append(CultureInfo.InvariantCulture, $"- **Default target:** {Target(d)}\n");
        if (d.England is not null) b.Append(CultureInfo.InvariantCulture, $"- **England:** {d.England.Describe(d.Unit)}\n");
        b.Append(CultureInfo.InvariantCulture, $"- **Sources:** {string.Join("; ", d.Sources.Select(SourceNames.Describe))}\n");
        if (d.Series.Count > 0) b.Append(CultureInfo.InvariantCulture, $"- **Also shown for:** {string.Join(", ", d.Series)}\n");
        if (d.ExceptionRows is not null) b.Append(CultureInfo.InvariantCulture, $"- **Exception list:** {d.ExceptionRows}\n");
        if (d.Caveat is not null) b.Append(CultureInfo.InvariantCulture, $"- **Read with care:** {d.Caveat}\n");
        b.Append('\n');
    }

    private static void Statistics(StringBuilder b)
    {
        b.Append(CultureInfo.InvariantCulture, $"""
            ## Statistics that go with every series

            - **Charts.** Counts and averages use an XmR chart: limits at the mean plus or minus
              {Spc.XmRConstant} times the mean moving range. Percentages use a p-chart with limits for each month
              from its own denominator, adjusted for between-month variation (Laney's p'), so a large council's
              big denominators do not make ordinary variation look special. Months with no value are left off.
              Fewer than {SpcResult.RecommendedPoints} points in the latest phase is flagged: limits are less reliable.
            - **Phases.** The mean and limits are recalculated (Making Data Count): after a sustained shift, a run of
              {SpcRules.ShiftLength} or more points on one side of the mean, the new phase starting at the run's first point;
              and at each change the council records (`changeDates` in the settings, see docs/configuration.md), from
              the month of its date. A phase needs {SpcOptions.DefaultMinimumPhasePoints} points for limits; with fewer (months
              just after a recorded change) it is drawn without limits and not judged. The charts mark where each phase starts.
            - **Special causes** (NHS England, Making Data Count), within each phase against its own limits: a point
              outside the limits; a run of {SpcRules.ShiftLength} or more on one side of the mean; {SpcRules.TrendLength} or more
              each rising or each falling; two of three beyond two sigma on the same side.
            - **In words** (the latest point of the latest phase decides): "{SpcWords.Variation(Variation.Improving)}" or
              "{SpcWords.Variation(Variation.Deteriorating)}" (by the indicator's polarity), "{SpcWords.Variation(Variation.HigherThanUsual)}"
              or "{SpcWords.Variation(Variation.LowerThanUsual)}" for context measures, otherwise "{SpcWords.Variation(Variation.NoSignificantChange)}";
              "{SpcWords.TooFewMonths}" when the phase has no limits. Against the target: "{SpcWords.Assurance(Assurance.ConsistentlyMet, Catalogue.Polarity.HigherIsBetter)}"
              when even the worse limit meets it; "{SpcWords.Assurance(Assurance.ConsistentlyMissed, Catalogue.Polarity.HigherIsBetter)}" (higher is better)
              or "{SpcWords.Assurance(Assurance.ConsistentlyMissed, Catalogue.Polarity.LowerIsBetter)}" (lower is better) when even the better limit
              misses it; else "{SpcWords.Assurance(Assurance.MayOrMayNotMeet, Catalogue.Polarity.HigherIsBetter)}". The technical terms are in the
              glossary under each indicator's chart and in the packs' key.
            - **Funnel plots** compare teams and workers of different sizes with the council's rate: limits
              at 95% and 99.8%, the normal approximation to the binomial (the score test behind Wilson's
              interval), clipped to 0 to 100%. OVERSIGHT-02 is the share of rates outside the 99.8% limits.
            - **Suppression.** Councillor and public outputs show counts from 1 to the threshold (default
              {IndicatorSettings.Default.SuppressionThreshold}) as `c`, with secondary suppression so a hidden
              count cannot be recovered from a total.

            """);
    }

    private static string Anchor(IndicatorDefinition d) =>
        string.Concat((d.Id + " " + d.Title).ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c == '-'));

    private static string Target(IndicatorDefinition d) => d.DefaultTarget is { } t ? IndicatorValue.Format(d.Unit, t) : "none";

    private static string Polarity(Polarity p) => p switch
    {
        Catalogue.Polarity.HigherIsBetter => "higher is better",
        Catalogue.Polarity.LowerIsBetter => "lower is better",
        _ => "neither (context)",
    };

    private static string Unit(IndicatorUnit u) => u switch
    {
        IndicatorUnit.Percent => "percentage",
        IndicatorUnit.Count => "count",
        _ => "average",
    };

    private static string Period(PeriodKind p) => p switch
    {
        PeriodKind.InMonth => "events in the month",
        PeriodKind.AsAt => "as at the month's last day",
        PeriodKind.DueInMonth => "due dates in the month",
        _ => "the 12 months to the month's end",
    };
}

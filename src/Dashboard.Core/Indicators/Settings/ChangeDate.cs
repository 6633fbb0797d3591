namespace Dashboard.Core.Indicators.Settings;

/// <summary>
/// A date the council changed how the service works (a new structure, a new front door), recorded so the charts
/// start new limits there rather than judge the months after against the months before (Making Data Count:
/// recalculate the limits at a known change). The new limits start with the month the date falls in.
/// </summary>
/// <param name="Date">The day the change took effect.</param>
/// <param name="What">What changed, in a few words; the charts print it at the boundary ("New locality teams").</param>
/// <param name="IndicatorIds">The indicators it affects; empty: every indicator.</param>
public sealed record ChangeDate(DateOnly Date, string What, IReadOnlyList<string> IndicatorIds)
{
    public Month Month => Month.Of(Date);

    public bool AppliesTo(string indicatorId) => IndicatorIds.Count == 0 || IndicatorIds.Contains(indicatorId, StringComparer.Ordinal);
}

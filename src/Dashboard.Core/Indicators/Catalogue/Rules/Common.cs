using System.Globalization;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>Small pieces several rules share: England's source, date wording, who is open on a date.</summary>
internal static class Common
{
    public const string EnglandPeriod = "year ending 31 March 2025";
    public const string EnglandSource = "DfE, Characteristics of children in need 2024-25";

    /// <summary>The partner agencies (every agency but the local authority itself).</summary>
    public static readonly string[] PartnerAgencies = ["POLICE", "HEALTH", "EDUCATION", "PROBATION", "HOUSING", "OTHER"];

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Started on or before <paramref name="date"/> and not ended before it (an end date is the last day open).</summary>
    public static bool OpenOn(DateOnly start, DateOnly? end, DateOnly date) => start <= date && (end is null || end.Value >= date);

    /// <summary>
    /// The CP plans open on <paramref name="date"/>, one per child (the earliest-starting, should a child
    /// have two), in start order.
    /// </summary>
    public static IEnumerable<CpPlan> CpPlansOpenOn(CaseData data, DateOnly date)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plans = data.CpPlans;
        var ends = data.CpPlanEnds;
        var last = plans.LastIndexOnOrBefore(date);
        for (var i = ends.NextNotEndedBefore(0, date); i <= last; i = ends.NextNotEndedBefore(i + 1, date))
        {
            var p = plans[i];
            if ((p.End is null || p.End.Value >= date) && seen.Add(p.PersonId)) yield return p;
        }
    }

    /// <summary>The CIN plans open on <paramref name="date"/>, one per child, in start order.</summary>
    public static IEnumerable<CinPlan> CinPlansOpenOn(CaseData data, DateOnly date)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plans = data.CinPlans;
        var ends = data.CinPlanEnds;
        var last = plans.LastIndexOnOrBefore(date);
        for (var i = ends.NextNotEndedBefore(0, date); i <= last; i = ends.NextNotEndedBefore(i + 1, date))
        {
            var p = plans[i];
            if ((p.End is null || p.End.Value >= date) && seen.Add(p.PersonId)) yield return p;
        }
    }

    /// <summary>
    /// The periods of care of the children looked after on <paramref name="date"/>, one per child, in start order.
    /// The DfE's "looked after at 31 March" convention: a period that ends (ceases) on the day does not count on
    /// that day, because the ceased date of an SSDA903 episode is the day the child stopped being looked after.
    /// </summary>
    public static IEnumerable<PeriodOfCare> LookedAfterOn(CaseData data, DateOnly date)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var periods = data.PeriodsOfCare;
        var ends = data.PeriodOfCareEnds;
        var last = periods.LastIndexOnOrBefore(date);
        for (var i = ends.NextNotEndedBefore(0, date); i <= last; i = ends.NextNotEndedBefore(i + 1, date))
        {
            var p = periods[i];
            if (LookedAfterOn(p.End, date) && seen.Add(p.PersonId)) yield return p;
        }
    }

    /// <summary>True when a period of care ending on <paramref name="end"/> (null while open) still counts on <paramref name="date"/>.</summary>
    public static bool LookedAfterOn(DateOnly? end, DateOnly date) => end is null || end.Value > date;

    /// <summary>"police", "police and health", "police, health and education".</summary>
    public static string JoinWithAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>Compulsory school age, approximated as 5 to 15 on the date; an unknown date of birth counts as school age.</summary>
    public static bool SchoolAge(CaseData data, string personId, DateOnly date) =>
        data.AgeOn(personId, date) is not { } age || (age >= 5 && age < 16);
}

using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// The working-day visit standard SEEN-01 (CP) and SEEN-03 (CIN) share. As at a date, a child on a plan
/// that has run for at least the standard is in time when their latest visit with the child seen, on or
/// after the plan's start, is no more than the standard's working days before the as-at date (the visit
/// day is day zero; a visit due today is in time). A visit where the child was not seen does not count.
/// </summary>
internal static class VisitStandard
{
    public readonly record struct OpenPlan(string PersonId, string PlanId, DateOnly Start, string? TeamId, string? WorkerId);

    public static IEnumerable<Evaluation> Evaluate(
        CaseData data, DateOnly asAt, IEnumerable<OpenPlan> plans, Func<string, DateOnly?> lastSeenOnOrBefore, int standard, string what)
    {
        var asAtNumber = WorkingDays.Number(asAt);
        foreach (var plan in plans)
        {
            // A plan younger than the standard has not yet had a visit fall due.
            if (asAtNumber - WorkingDays.Number(plan.Start) < standard) continue;
            var seen = lastSeenOnOrBefore(plan.PersonId);
            if (seen < plan.Start) seen = null;
            var clock = seen ?? plan.Start;
            var elapsed = asAtNumber - WorkingDays.Number(clock);
            var who = data.Allocation.At(plan.PersonId, asAt, plan.TeamId, plan.WorkerId);
            if (elapsed <= standard)
            {
                yield return Evaluation.Of(who, plan.PersonId, plan.PlanId, asAt, true);
                continue;
            }
            var due = WorkingDays.Add(clock, standard);
            var failure = new ExceptionDetail(what, due, elapsed - standard, InWorkingDays: true, LastDone: seen,
                Note: seen is null ? $"not seen since the plan started on {Common.Iso(plan.Start)}" : null);
            yield return Evaluation.Of(who, plan.PersonId, plan.PlanId, asAt, false, failure);
        }
    }
}

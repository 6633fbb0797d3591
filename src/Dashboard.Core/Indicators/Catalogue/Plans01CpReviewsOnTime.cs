using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Plans01CpReviewsOnTime : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PLANS-01",
        Title = "CP review conferences on time",
        Theme = Theme.Plans,
        Definition = "Of the child protection review conferences that fell due in the month, the share held on or before the "
            + "due date. The first review falls due 3 months after the initial conference, each later one 6 months after "
            + "the review before it was held (or after the missed due date, when it was not held), for plans still open on "
            + "the due date. Due dates are calculated by these rules, in calendar months, and are not moved for a weekend or "
            + "bank holiday. A review not yet held counts as late once its due date has passed.",
        Numerator = "Review conferences due in the month and held on or before the due date",
        Denominator = "Review conferences that fell due in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.DueInMonth,
        LocalStandard = "Working Together 2023: first review within 3 months of the ICPC, then at most every 6 months",
        DefaultTarget = 95m,
        Sources = [DataSource.CpPlans, DataSource.CpReviews],
        ExceptionRows = "A review conference held late or not yet held: when it was due and how many days late.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var until = data.AsAt(month);
        var plans = data.CpPlans;
        var ends = data.CpPlanEnds;
        var last = plans.LastIndexOnOrBefore(month.Last);
        for (var i = ends.NextNotEndedBefore(0, month.First); i <= last; i = ends.NextNotEndedBefore(i + 1, month.First))
        {
            var plan = plans[i];
            if (plan.End is { } end && end < month.First) continue;
            var icpc = plan.IcpcId is not null ? data.IcpcsById.GetValueOrDefault(plan.IcpcId) : null;
            var held = data.CpReviewsHeldByPlan.For(plan.CpPlanId);
            foreach (var review in ReviewSchedule.ForCpPlan(icpc?.Date ?? plan.Start, plan.End, held, until))
            {
                if (review.Due < month.First) continue;
                var who = data.Allocation.At(plan.PersonId, review.Due, icpc?.TeamId, icpc?.WorkerId);
                var onTime = review.Held is { } h && h <= review.Due;
                var lateUntil = review.Held ?? Min(plan.End, data.ExtractDate);
                var failure = onTime ? null : new ExceptionDetail($"CP review conference {review.Number}", review.Due,
                    lateUntil.DayNumber - review.Due.DayNumber,
                    Note: review.Held is { } held2 ? $"held {Common.Iso(held2)}" : "not held");
                yield return Evaluation.Of(who, plan.PersonId, plan.CpPlanId, review.Due, onTime, failure);
            }
        }
    }

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } v && v < b ? v : b;
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Plans02CpPlansInDate : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PLANS-02",
        Title = "Child protection plans in date",
        Theme = Theme.Plans,
        Definition = "As at the month's last day, of the open child protection plans, the share whose latest conference is in "
            + "date: the initial conference no more than 3 months before, when no review has been held yet, or the latest "
            + "review no more than 6 months before. Calendar months; a review due on the as-at day is still in date.",
        Numerator = "Open CP plans whose latest conference is within 3 months (initial) or 6 months (review)",
        Denominator = "Open CP plans",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "Working Together 2023: first review within 3 months of the ICPC, then at most every 6 months",
        DefaultTarget = 95m,
        Sources = [DataSource.CpPlans, DataSource.CpReviews],
        ExceptionRows = "An open plan whose review is overdue: the latest conference, when the review was due and how many days overdue.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        foreach (var plan in Common.CpPlansOpenOn(data, asAt))
        {
            var icpc = plan.IcpcId is not null ? data.IcpcsById.GetValueOrDefault(plan.IcpcId) : null;
            var review = data.CpReviewsHeldByPlan.For(plan.CpPlanId).LastOnOrBefore(asAt);
            var latest = review?.Held ?? icpc?.Date ?? plan.Start;
            var due = review is null ? latest.AddMonths(3) : latest.AddMonths(6);
            var who = data.Allocation.At(plan.PersonId, asAt, icpc?.TeamId, icpc?.WorkerId);
            var failure = due >= asAt ? null : new ExceptionDetail(review is null ? "First CP review conference" : "Next CP review conference",
                due, asAt.DayNumber - due.DayNumber, LastDone: latest);
            yield return Evaluation.Of(who, plan.PersonId, plan.CpPlanId, asAt, failure is null, failure);
        }
    }
}

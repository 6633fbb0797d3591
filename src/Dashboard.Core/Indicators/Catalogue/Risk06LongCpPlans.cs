using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk06LongCpPlans : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-06",
        Title = "Child protection plans lasting 2 years or more",
        Theme = Theme.Risk,
        Definition = "Of the child protection plans that ended in the month, the share that lasted two years or more: the "
            + "end date is on or after the second anniversary of the start (a plan started on 29 February reaches two years "
            + "on 28 February).",
        Numerator = "CP plans ending in the month that lasted 2 years or more",
        Denominator = "CP plans ending in the month",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 4m,
        England = new EnglandComparator(4.4m, Common.EnglandPeriod, Common.EnglandSource),
        Sources = [DataSource.CpPlans],
        ExceptionRows = "A plan that lasted two years or more: its start and end.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var plan in data.CpPlansByEnd.Between(month.First, month.Last))
        {
            var end = plan.End!.Value;
            var twoYears = plan.Start.AddYears(2);
            var longPlan = end >= twoYears;
            var icpc = plan.IcpcId is not null ? data.IcpcsById.GetValueOrDefault(plan.IcpcId) : null;
            var who = data.Allocation.At(plan.PersonId, end, icpc?.TeamId, icpc?.WorkerId);
            var failure = longPlan ? new ExceptionDetail("Child protection plan lasting 2 years or more", twoYears, end.DayNumber - twoYears.DayNumber,
                Note: $"plan from {Common.Iso(plan.Start)} to {Common.Iso(end)}") : null;
            yield return Evaluation.Of(who, plan.PersonId, plan.CpPlanId, end, longPlan, failure);
        }
    }
}

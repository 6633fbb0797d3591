using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk05RepeatCpPlans : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-05",
        Title = "Child protection plans that are a repeat",
        Theme = Theme.Risk,
        Definition = "Of the child protection plans that started in the month, the share for a child who had an earlier plan "
            + "with this council at any time (one that started on an earlier day).",
        Numerator = "CP plans starting in the month for a child with an earlier plan",
        Denominator = "CP plans starting in the month",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 20m,
        Sources = [DataSource.CpPlans],
        ExceptionRows = "A repeat plan: when the child's previous plan started and ended.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var plan in data.CpPlans.Between(month.First, month.Last))
        {
            var plans = data.CpPlansByChild.For(plan.PersonId);
            var previous = plans.LastOnOrBefore(plan.Start.AddDays(-1));
            var icpc = plan.IcpcId is not null ? data.IcpcsById.GetValueOrDefault(plan.IcpcId) : null;
            var who = data.Allocation.At(plan.PersonId, plan.Start, icpc?.TeamId, icpc?.WorkerId);
            var failure = previous is null ? null : new ExceptionDetail("Repeat child protection plan", LastDone: previous.Start,
                Note: $"previous plan {previous.CpPlanId} from {Common.Iso(previous.Start)}"
                    + (previous.End is { } end ? $" to {Common.Iso(end)}" : ", still open"));
            yield return Evaluation.Of(who, plan.PersonId, plan.CpPlanId, plan.Start, previous is not null, failure);
        }
    }
}

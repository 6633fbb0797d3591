using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Seen01CpVisitTimeliness : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "SEEN-01",
        Title = "Children on CP plans visited in time",
        Theme = Theme.Seen,
        Definition = "As at the month's last day, of the children on a child protection plan that has run for at least the "
            + "local visit standard (default 10 working days), the share whose latest visit with the child seen, since the plan "
            + "started, was no more than the standard before. A visit where the child was not seen does not count. Working "
            + "days exclude weekends and bank holidays and the visit day is day zero, so a visit falling due on the as-at day "
            + "is still in time.",
        Numerator = "Children on a CP plan for at least the standard, seen within the standard",
        Denominator = "Children on a CP plan for at least the standard",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "CP visit standard: every 10 working days by default (some councils 2 or 4 weeks)",
        StandardSettings = ["cpVisitWorkingDays"],
        DefaultTarget = 90m,
        Sources = [DataSource.CpPlans, DataSource.CpVisits],
        ExceptionRows = "A child not seen within the standard: the last visit with the child seen, when the next was due, and how many working days overdue it is.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var plans = Common.CpPlansOpenOn(data, asAt).Select(p =>
        {
            var icpc = p.IcpcId is not null ? data.IcpcsById.GetValueOrDefault(p.IcpcId) : null;
            return new VisitStandard.OpenPlan(p.PersonId, p.CpPlanId, p.Start, icpc?.TeamId, icpc?.WorkerId);
        });
        return VisitStandard.Evaluate(data, asAt, plans, person => data.CpSeenVisitsByChild.For(person).LastOnOrBefore(asAt)?.Date,
            settings.CpVisitWorkingDays, $"CP visit with the child seen, at least every {settings.CpVisitWorkingDays} working days");
    }
}

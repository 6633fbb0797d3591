using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Seen03CinVisitTimeliness : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "SEEN-03",
        Title = "Children in need visited in time",
        Theme = Theme.Seen,
        Definition = "As at the month's last day, of the children on a child in need plan that has run for at least the local "
            + "visit standard (default 20 working days), the share whose latest visit with the child seen, since the plan "
            + "started, was no more than the standard before. A visit where the child was not seen does not count; the visit "
            + "day is day zero.",
        Numerator = "Children on a CIN plan for at least the standard, seen within the standard",
        Denominator = "Children on a CIN plan for at least the standard",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "CIN visit standard: every 20 working days by default",
        StandardSettings = ["cinVisitWorkingDays"],
        DefaultTarget = 85m,
        Sources = [DataSource.CinPlans, DataSource.CinVisits],
        ExceptionRows = "A child not seen within the standard: the last visit with the child seen, when the next was due, and how many working days overdue it is.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var plans = Common.CinPlansOpenOn(data, asAt).Select(p => new VisitStandard.OpenPlan(p.PersonId, p.CinPlanId, p.Start, p.TeamId, p.WorkerId));
        return VisitStandard.Evaluate(data, asAt, plans, person => data.CinSeenVisitsByChild.For(person).LastOnOrBefore(asAt)?.Date,
            settings.CinVisitWorkingDays, $"CIN visit with the child seen, at least every {settings.CinVisitWorkingDays} working days");
    }
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Front05AssessmentsNoNeed : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "FRONT-05",
        Title = "Assessments finding no need for support",
        Theme = Theme.Front,
        Definition = "Of the assessments authorised in the month, the share whose outcome was no further action (the child "
            + "was not assessed as needing children's social care support). A context measure: read it beside FRONT-04 and "
            + "OVERSIGHT-02 to see whether thresholds are applied consistently. Each assessment counts against the team and "
            + "worker recorded on it (who authorised it), else those allocated on its date.",
        Numerator = "Assessments authorised in the month with an outcome of no further action",
        Denominator = "Assessments authorised in the month",
        Polarity = Polarity.Neither,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        England = new EnglandComparator(30.8m, Common.EnglandPeriod, Common.EnglandSource),
        Sources = [DataSource.Assessments],
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var a in data.AssessmentsByAuthorisation.Between(month.First, month.Last))
        {
            var date = a.AuthorisedOn!.Value;
            yield return Evaluation.Of(data.Allocation.DecidedBy(a.PersonId, date, a.TeamId, a.WorkerId), a.PersonId, a.AssessmentId, date, a.IsNfa == true);
        }
    }
}

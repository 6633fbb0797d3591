using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk01AssessmentsInTime : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-01",
        Title = "Assessments completed within 45 working days",
        Theme = Theme.Risk,
        Definition = "Of the assessments authorised in the month, the share authorised within 45 working days of the referral "
            + "(of the assessment's start, where its referral cannot be found). Working days exclude weekends and bank holidays "
            + "and the referral day is day zero: authorised on working day 45 is in time, on day 46 late. DfE's CIN validator "
            + "counts the referral day as day one, so its limit falls one working day earlier than ours.",
        Numerator = "Assessments authorised in the month within 45 working days of the referral",
        Denominator = "Assessments authorised in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        LocalStandard = "Statutory: 45 working days from referral (Working Together 2023)",
        DefaultTarget = 90m,
        England = new EnglandComparator(85.7m, Common.EnglandPeriod, Common.EnglandSource, Derived: true,
            Note: "derived from the published duration bands"),
        Sources = [DataSource.Referrals, DataSource.Assessments],
        ExceptionRows = "An assessment authorised late: when it was due and how many working days late it was.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var a in data.AssessmentsByAuthorisation.Between(month.First, month.Last))
        {
            var authorised = a.AuthorisedOn!.Value;
            var start = AssessmentClock.StartOf(data, a);
            var days = WorkingDays.Between(start, authorised);
            var who = data.Allocation.At(a.PersonId, authorised, a.TeamId, a.WorkerId);
            var failure = days <= AssessmentClock.Limit ? null : new ExceptionDetail(
                "Assessment authorised within 45 working days of the referral", WorkingDays.Add(start, AssessmentClock.Limit),
                days - AssessmentClock.Limit, InWorkingDays: true, Note: $"clock started {Common.Iso(start)}; authorised {Common.Iso(authorised)}");
            yield return Evaluation.Of(who, a.PersonId, a.AssessmentId, authorised, failure is null, failure);
        }
    }
}

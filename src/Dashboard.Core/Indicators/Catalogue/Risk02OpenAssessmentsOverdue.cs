using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk02OpenAssessmentsOverdue : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-02",
        Title = "Open assessments past 45 working days",
        Theme = Theme.Risk,
        Definition = "As at the month's last day, how many assessments are still open (started, not yet authorised) more than "
            + "45 working days after their referral (after their start, where the referral cannot be found). The referral "
            + "day is day zero, so an assessment on working day 45 is not yet overdue and one on day 46 is. Shown as a count, "
            + "out of all open assessments.",
        Numerator = "Open assessments more than 45 working days after the referral",
        Denominator = "Open assessments",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Count,
        Period = PeriodKind.AsAt,
        LocalStandard = "Statutory: 45 working days from referral (Working Together 2023)",
        DefaultTarget = 0m,
        Sources = [DataSource.Referrals, DataSource.Assessments],
        ExceptionRows = "An open assessment past 45 working days: when it was due and how many working days overdue it is.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var asAtNumber = WorkingDays.Number(asAt);
        var started = data.AssessmentsByStart;
        var ends = data.AssessmentAuthorisations;
        var last = started.LastIndexOnOrBefore(asAt);
        for (var i = ends.NextNotEndedBefore(0, asAt); i <= last; i = ends.NextNotEndedBefore(i + 1, asAt))
        {
            var a = started[i];
            if (a.AuthorisedOn is { } authorised && authorised <= asAt) continue;
            var start = AssessmentClock.StartOf(data, a);
            var days = asAtNumber - WorkingDays.Number(start);
            var overdue = days > AssessmentClock.Limit;
            var who = data.Allocation.At(a.PersonId, asAt, a.TeamId, a.WorkerId);
            var failure = overdue ? new ExceptionDetail("Assessment authorised within 45 working days of the referral",
                WorkingDays.Add(start, AssessmentClock.Limit), days - AssessmentClock.Limit, InWorkingDays: true,
                Note: $"clock started {Common.Iso(start)}; still open") : null;
            yield return Evaluation.Of(who, a.PersonId, a.AssessmentId, asAt, overdue, failure);
        }
    }
}

using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Plans04PathwayPlansInDate : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PLANS-04",
        Title = "Pathway plans in date",
        Theme = Theme.Plans,
        Definition = "As at the extract date, of the care leavers, the share whose pathway plan was reviewed in the last 6 "
            + "months (calendar months; a review due on the day is still in date). The source holds only each care leaver's "
            + "latest status, so only the latest month can be measured.",
        Numerator = "Care leavers whose pathway plan was reviewed within 6 months",
        Denominator = "Care leavers",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "Care Leavers (England) Regulations 2010: pathway plan reviewed at least every 6 months",
        DefaultTarget = 90m,
        Sources = [DataSource.CareLeavers],
        LatestMonthOnly = true,
        ExceptionRows = "A care leaver whose pathway plan review is overdue or not recorded: the last review and when the next was due.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        foreach (var leaver in data.Facts.CareLeavers)
        {
            var reviewed = leaver.PathwayPlanReviewed is { } r && r <= asAt ? r : (DateOnly?)null;
            var due = reviewed?.AddMonths(6);
            var inDate = due is { } d && d >= asAt;
            var who = data.Allocation.At(leaver.PersonId, asAt, leaver.TeamId, leaver.WorkerId);
            var failure = inDate ? null : new ExceptionDetail("Pathway plan review, at least every 6 months", due,
                due is { } dd ? asAt.DayNumber - dd.DayNumber : null, LastDone: reviewed,
                Note: reviewed is null ? "no pathway plan review recorded" : null);
            yield return Evaluation.Of(who, leaver.PersonId, null, asAt, inDate, failure);
        }
    }
}

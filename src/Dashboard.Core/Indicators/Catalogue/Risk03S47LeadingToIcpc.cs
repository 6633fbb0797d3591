using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk03S47LeadingToIcpc : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-03",
        Title = "Strategy discussions leading to an ICPC",
        Theme = Theme.Risk,
        Definition = "Of the section 47 enquiries that ended in the month, the share that led to an initial child protection "
            + "conference: one was held for the enquiry, or the enquiry's outcome booked one (CP_CONFERENCE_FLAG is Y). "
            + "A context measure: a low share can mean enquiries are started where risk does not warrant them, a high one "
            + "that they are started late.",
        Numerator = "Section 47 enquiries ending in the month with a conference held or booked",
        Denominator = "Section 47 enquiries ending in the month",
        Polarity = Polarity.Neither,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        Sources = [DataSource.S47Enquiries, DataSource.Icpcs],
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var s in data.S47sByEnd.Between(month.First, month.Last))
        {
            var ended = s.End!.Value;
            var conference = s.IcpcRequired == true || data.S47sWithIcpc.Contains(s.S47Id);
            yield return Evaluation.Of(data.Allocation.At(s.PersonId, ended, s.TeamId, s.WorkerId), s.PersonId, s.S47Id, ended, conference);
        }
    }
}

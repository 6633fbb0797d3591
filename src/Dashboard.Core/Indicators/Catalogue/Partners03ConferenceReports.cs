using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Partners03ConferenceReports : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PARTNERS-03",
        Title = "Partner reports provided for conferences",
        Theme = Theme.Partners,
        Definition = "Of the invitations partner agencies received to child protection conferences (initial and review) held "
            + "in the month, the share where the agency provided a report. Shown for all partners together and per agency.",
        Numerator = "Conference invitations in the month where the agency provided a report",
        Denominator = "Invitations of partner agencies to conferences in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 80m,
        Sources = [DataSource.MeetingAttendance],
        Series = Common.PartnerAgencies,
        ExceptionRowsSayWhatHappened = true,
        ExceptionRows = "A conference invitation with no report from the agency (or none recorded), naming the agency and the conference.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings) =>
        Invitations.Evaluate(data, month, ["ICPC", "RCPC"], m => m.ReportProvided, "no report provided", "no report recorded");
}

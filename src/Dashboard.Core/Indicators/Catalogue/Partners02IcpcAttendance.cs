using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Partners02IcpcAttendance : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PARTNERS-02",
        Title = "Partner attendance at initial conferences",
        Theme = Theme.Partners,
        Definition = "Of the invitations partner agencies (every agency but the council itself) received to initial child "
            + "protection conferences held in the month, the share they attended. Shown for all partners together and per "
            + "agency.",
        Numerator = "Invitations to ICPCs in the month that the agency attended",
        Denominator = "Invitations of partner agencies to ICPCs in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 80m,
        Sources = [DataSource.MeetingAttendance],
        Series = Common.PartnerAgencies,
        ExceptionRowsSayWhatHappened = true,
        ExceptionRows = "A conference an invited agency did not attend, or whose attendance was not recorded, naming the agency.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings) =>
        Invitations.Evaluate(data, month, ["ICPC"], m => m.Attended, "did not attend", "attendance not recorded");
}

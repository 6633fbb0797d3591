using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Risk04IcpcsInTime : IIndicator
{
    private const int Limit = 15;

    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "RISK-04",
        Title = "ICPCs within 15 working days",
        Theme = Theme.Risk,
        Definition = "Of the initial child protection conferences held in the month, the share held within 15 working days of "
            + "the start of the section 47 enquiry (the strategy discussion that started it). Conferences for children who "
            + "transferred in on a plan from another council are left out, and so are conferences that name no enquiry we "
            + "hold. The enquiry's start day is day zero: held on working day 15 is in time, on day 16 late.",
        Numerator = "ICPCs in the month held within 15 working days of the enquiry's start",
        Denominator = "ICPCs in the month, other than transfer-in conferences",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        LocalStandard = "Statutory: 15 working days from the strategy discussion (Working Together 2023)",
        DefaultTarget = 85m,
        England = new EnglandComparator(81.4m, Common.EnglandPeriod, Common.EnglandSource, Derived: true,
            Note: "derived from the published timeliness figures"),
        Sources = [DataSource.S47Enquiries, DataSource.Icpcs],
        ExceptionRows = "A conference held late: when it was due and how many working days late it was.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var icpc in data.Icpcs.Between(month.First, month.Last))
        {
            if (icpc.IsTransferIn || icpc.S47Id is null || !data.S47ById.TryGetValue(icpc.S47Id, out var s47)) continue;
            var days = WorkingDays.Between(s47.Start, icpc.Date);
            var who = data.Allocation.At(icpc.PersonId, icpc.Date, icpc.TeamId ?? s47.TeamId, icpc.WorkerId ?? s47.WorkerId);
            var failure = days <= Limit ? null : new ExceptionDetail("Initial conference within 15 working days of the enquiry's start",
                WorkingDays.Add(s47.Start, Limit), days - Limit, InWorkingDays: true,
                Note: $"enquiry started {Common.Iso(s47.Start)}; conference {Common.Iso(icpc.Date)}");
            yield return Evaluation.Of(who, icpc.PersonId, icpc.IcpcId, icpc.Date, failure is null, failure);
        }
    }
}

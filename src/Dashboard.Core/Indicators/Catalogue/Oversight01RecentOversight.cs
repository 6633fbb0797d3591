using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Oversight01RecentOversight : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "OVERSIGHT-01",
        Title = "Cases with recent management oversight",
        Theme = Theme.Oversight,
        Definition = "As at the month's last day, of the children with an open case (an open referral that was not no further "
            + "action, a child in need or child protection plan, or being looked after), the share with a management "
            + "oversight record within the local standard (default 20 working days). The clock starts at the latest oversight "
            + "or, if later, the day the case opened, so a case opened less than the standard ago is in time. The start day is "
            + "day zero.",
        Numerator = "Open cases with an oversight record within the standard (or opened within it)",
        Denominator = "Open cases",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        LocalStandard = "Oversight standard: a recorded oversight at least every 20 working days by default",
        StandardSettings = ["oversightWorkingDays"],
        DefaultTarget = 90m,
        Sources = [DataSource.Referrals, DataSource.Oversight],
        ExceptionRows = "An open case without recent oversight: the last oversight, when the next was due, and how many working days overdue.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var asAtNumber = WorkingDays.Number(asAt);
        var standard = settings.OversightWorkingDays;
        var what = $"Management oversight recorded at least every {standard} working days";
        foreach (var (person, spell, who, _, child) in OpenCases.On(data, asAt))
        {
            var last = child.Oversight.LastOnOrBefore(asAt)?.Date;
            var clock = last is { } l && l >= spell.Start ? l : spell.Start;
            var elapsed = asAtNumber - WorkingDays.Number(clock);
            var failure = elapsed <= standard ? null : new ExceptionDetail(what, WorkingDays.Add(clock, standard),
                elapsed - standard, InWorkingDays: true, LastDone: last,
                Note: last is null || last < spell.Start ? $"no oversight since the case opened on {Common.Iso(spell.Start)}" : null);
            yield return Evaluation.Of(who, person, null, asAt, failure is null, failure);
        }
    }
}

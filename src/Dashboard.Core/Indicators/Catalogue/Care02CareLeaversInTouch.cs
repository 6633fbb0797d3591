using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Care02CareLeaversInTouch : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "CARE-02",
        Title = "Care leavers in touch",
        Theme = Theme.Care,
        Definition = "As at the extract date, of the care leavers, the share the council is in touch with (in touch recorded "
            + "as YES). The source holds only each care leaver's latest status, so only the latest month can be measured.",
        Numerator = "Care leavers in touch",
        Denominator = "Care leavers",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        DefaultTarget = 90m,
        Sources = [DataSource.CareLeavers],
        LatestMonthOnly = true,
        ExceptionRows = "A care leaver not in touch, with the recorded status and latest contact.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        foreach (var leaver in data.Facts.CareLeavers)
        {
            var inTouch = leaver.IsInTouch;
            var failure = inTouch ? null : new ExceptionDetail("Care leaver not in touch", LastDone: leaver.LatestContact,
                Note: $"in touch recorded as {leaver.InTouch ?? "nothing"}");
            yield return Evaluation.Of(data.Allocation.At(leaver.PersonId, asAt, leaver.TeamId, leaver.WorkerId), leaver.PersonId, null, asAt,
                inTouch, failure);
        }
    }
}

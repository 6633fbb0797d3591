using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Seen02CpVisitsSeenAlone : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "SEEN-02",
        Title = "CP visits where the child was seen alone",
        Theme = Theme.Seen,
        Definition = "Of the child protection visits in the month where the child was seen, the share where the child was also "
            + "seen alone. Visits where the child was not seen are left out.",
        Numerator = "CP visits in the month where the child was seen alone",
        Denominator = "CP visits in the month where the child was seen",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 80m,
        Sources = [DataSource.CpVisits],
        ExceptionRows = "A visit where the child was seen but not alone.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var v in data.CpVisits.Between(month.First, month.Last))
        {
            if (v.Seen != true) continue;
            var alone = v.SeenAlone == true;
            yield return Evaluation.Of(data.Allocation.At(v.PersonId, v.Date), v.PersonId, v.VisitId, v.Date, alone,
                alone ? null : new ExceptionDetail("CP visit without the child seen alone", LastDone: v.Date));
        }
    }
}

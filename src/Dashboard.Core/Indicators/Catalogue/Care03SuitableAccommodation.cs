using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Care03SuitableAccommodation : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "CARE-03",
        Title = "Care leavers in suitable accommodation",
        Theme = Theme.Care,
        Definition = "As at the extract date, of the care leavers the council is in touch with, the share whose accommodation "
            + "is recorded as suitable (unknown suitability counts as not suitable). The source holds only each care leaver's "
            + "latest status, so only the latest month can be measured.",
        Numerator = "Care leavers in touch whose accommodation is suitable",
        Denominator = "Care leavers in touch",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        DefaultTarget = 88m,
        Sources = [DataSource.CareLeavers],
        LatestMonthOnly = true,
        ExceptionRows = "A care leaver in touch whose accommodation is not recorded as suitable, with the accommodation type.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        foreach (var leaver in data.Facts.CareLeavers)
        {
            if (!leaver.IsInTouch) continue;
            var suitable = leaver.AccommodationSuitable == true;
            var failure = suitable ? null : new ExceptionDetail("Care leaver not in suitable accommodation",
                Note: $"accommodation {leaver.Accommodation ?? "not recorded"}, suitability {(leaver.AccommodationSuitable is null ? "not recorded" : "not suitable")}");
            yield return Evaluation.Of(data.Allocation.At(leaver.PersonId, asAt, leaver.TeamId, leaver.WorkerId), leaver.PersonId, null, asAt,
                suitable, failure);
        }
    }
}

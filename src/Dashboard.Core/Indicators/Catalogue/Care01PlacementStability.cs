using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Care01PlacementStability : IIndicator
{
    private const int Threshold = 3;

    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "CARE-01",
        Title = "Children in care with 3 or more placements in a year",
        Theme = Theme.Care,
        Definition = "As at the month's last day, of the children looked after that day (a period of care ending that day "
            + "does not count), the share with 3 or more placements starting in the 12 months to that day (from the day "
            + "after the same date a year earlier). As in the DfE's SSDA903 placement-stability measure, a placement counts "
            + "when the child moved to a different carer: temporary placements (types T0 to T4: hospital, holidays, 7 days "
            + "or less) and changes of placement with the same carer (reason for new episode T or U, such as foster carers "
            + "approved as adopters) are not counted.",
        Numerator = "Looked-after children with 3 or more placements with a new carer starting in the past 12 months",
        Denominator = "Looked-after children",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.AsAt,
        DefaultTarget = 10m,
        Sources = [DataSource.ClaEpisodes, DataSource.Placements],
        ExceptionRows = "A looked-after child with 3 or more placements in the year, with how many.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var asAt = data.AsAt(month);
        var since = asAt.AddYears(-1).AddDays(1);
        foreach (var period in Common.LookedAfterOn(data, asAt))
        {
            var count = PlacementMoves.ByChild(data).For(period.PersonId).Between(since, asAt).Count;
            var many = count >= Threshold;
            var failure = many ? new ExceptionDetail($"{count} placements in 12 months (fewer than 3 expected)", Note: $"{count} placements since {Common.Iso(since)}") : null;
            yield return Evaluation.Of(data.Allocation.At(period.PersonId, asAt), period.PersonId, period.ClaId, asAt, many, failure);
        }
    }
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Plans03ClaReviewsOnTime : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "PLANS-03",
        Title = "Children in care reviews on time",
        Theme = Theme.Plans,
        Definition = "Of the looked-after reviews that fell due in the month, the share held on or before the due date. The "
            + "first review falls due 20 working days after the child started to be looked after (that day is day zero), the "
            + "second 3 months after the first was held, then every 6 months, for children still looked after on the due "
            + "date. Where the source records a review's due date, that date is used instead of the rule. Cancelled reviews "
            + "do not count as held. A review not yet held counts as late once its due date has passed.",
        Numerator = "Looked-after reviews due in the month and held on or before the due date",
        Denominator = "Looked-after reviews that fell due in the month",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.DueInMonth,
        LocalStandard = "Care Planning Regulations 2010, reg 33: 20 working days, then 3 months, then every 6 months",
        DefaultTarget = 95m,
        Sources = [DataSource.ClaEpisodes, DataSource.ClaReviews],
        ExceptionRows = "A looked-after review held late or not yet held: when it was due and how many days late.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        var until = data.AsAt(month);
        var periods = data.PeriodsOfCare;
        var ends = data.PeriodOfCareEnds;
        var last = periods.LastIndexOnOrBefore(month.Last);
        for (var i = ends.NextNotEndedBefore(0, month.First); i <= last; i = ends.NextNotEndedBefore(i + 1, month.First))
        {
            var period = periods[i];
            if (period.End is { } end && end < month.First) continue;
            var records = data.ClaReviewsByPeriod.GetValueOrDefault(period.ClaId) ?? [];
            foreach (var review in ReviewSchedule.ForPeriodOfCare(period.Start, period.End, records, until))
            {
                if (review.Due < month.First) continue;
                var who = data.Allocation.At(period.PersonId, review.Due);
                var onTime = review.Held is { } h && h <= review.Due;
                var lateUntil = review.Held ?? (period.End is { } e && e < data.ExtractDate ? e : data.ExtractDate);
                var failure = onTime ? null : new ExceptionDetail($"Looked-after review {review.Number}", review.Due,
                    lateUntil.DayNumber - review.Due.DayNumber, Note: review.Held is { } held ? $"held {Common.Iso(held)}" : "not held");
                yield return Evaluation.Of(who, period.PersonId, review.ReviewId ?? period.ClaId, review.Due, onTime, failure);
            }
        }
    }
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Front03ReReferrals : IIndicator
{
    private const int WindowDays = 365;

    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "FRONT-03",
        Title = "Re-referrals within 12 months",
        Theme = Theme.Front,
        Definition = "Of the referrals made in the month, the share where the same child had another referral in the 365 days "
            + "before (from 365 days before the referral date up to the day before it; a second referral on the same day is "
            + "not a re-referral). The window is 365 days in every year, so across a 29 February it covers one day less of the "
            + "calendar than twelve months.",
        Numerator = "Referrals in the month where the child had another referral in the 365 days before",
        Denominator = "Referrals in the month",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 20m,
        England = new EnglandComparator(22.6m, Common.EnglandPeriod, Common.EnglandSource),
        Sources = [DataSource.Referrals],
        ExceptionRows = "A re-referral: the child's previous referral and how many days before it was.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var r in data.Referrals.Between(month.First, month.Last))
        {
            var earlier = data.ReferralsByChild.For(r.PersonId).Between(r.Date.AddDays(-WindowDays), r.Date.AddDays(-1));
            var who = data.Allocation.At(r.PersonId, r.Date, r.TeamId, r.WorkerId);
            if (earlier.Count == 0)
            {
                yield return Evaluation.Of(who, r.PersonId, r.ReferralId, r.Date, false);
                continue;
            }
            var previous = earlier[^1];
            var failure = new ExceptionDetail("Re-referral within 12 months", LastDone: previous.Date,
                Note: $"previous referral {previous.ReferralId} on {Common.Iso(previous.Date)}, {r.Date.DayNumber - previous.Date.DayNumber} days before");
            yield return Evaluation.Of(who, r.PersonId, r.ReferralId, r.Date, true, failure);
        }
    }
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Front04ReferralsNfa : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "FRONT-04",
        Title = "Referrals with no further action",
        Theme = Theme.Front,
        Definition = "Of the referrals made in the month, the share recorded as no further action (cine_referral_nfa is Y). "
            + "A high share can mean contacts are being accepted as referrals that did not meet the threshold. Each referral "
            + "counts against the team and worker recorded on it (who decided it), else those allocated on its date.",
        Numerator = "Referrals in the month recorded as no further action",
        Denominator = "Referrals in the month",
        Polarity = Polarity.LowerIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        DefaultTarget = 7m,
        England = new EnglandComparator(6.5m, Common.EnglandPeriod, Common.EnglandSource),
        Sources = [DataSource.Referrals],
        ExceptionRows = "A referral that ended in no further action, with the team and worker who decided it.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var r in data.Referrals.Between(month.First, month.Last))
        {
            var nfa = r.IsNfa == true;
            var who = data.Allocation.DecidedBy(r.PersonId, r.Date, r.TeamId, r.WorkerId);
            yield return Evaluation.Of(who, r.PersonId, r.ReferralId, r.Date, nfa,
                nfa ? new ExceptionDetail("Referral with no further action", Note: $"referral on {Common.Iso(r.Date)}") : null);
        }
    }
}

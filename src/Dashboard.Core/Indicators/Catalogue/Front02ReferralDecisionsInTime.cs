using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Front02ReferralDecisionsInTime : IIndicator
{
    private const int Limit = 1;

    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "FRONT-02",
        Title = "Referral decisions within 1 working day",
        Theme = Theme.Front,
        Definition = "Of the referrals made in the month that followed a contact about the same child, the share made within "
            + "1 working day of that contact. The contact is the child's latest one on or before the referral date and after "
            + "their previous referral. Working days exclude weekends and bank holidays and the contact day is day zero: a "
            + "contact on Friday decided on Monday took 1 working day; one decided on Tuesday took 2 and is late.",
        Numerator = "Referrals in the month decided within 1 working day of the contact",
        Denominator = "Referrals in the month that followed a contact",
        Polarity = Polarity.HigherIsBetter,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        LocalStandard = "Working Together 2023: a decision within 1 working day of receipt",
        DefaultTarget = 90m,
        Sources = [DataSource.Contacts, DataSource.Referrals],
        ExceptionRows = "A referral decided more than 1 working day after its contact: the contact date, when the decision was due and how many working days late it was.",
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var r in data.Referrals.Between(month.First, month.Last))
        {
            if (ContactBefore(data, r) is not { } contact) continue;
            var days = WorkingDays.Between(contact.Date, r.Date);
            var who = data.Allocation.At(r.PersonId, r.Date, r.TeamId, r.WorkerId);
            var failure = days <= Limit ? null : new ExceptionDetail("Referral decision within 1 working day of the contact",
                WorkingDays.Add(contact.Date, Limit), days - Limit, InWorkingDays: true,
                Note: $"contact {contact.ContactId} on {Common.Iso(contact.Date)}");
            yield return Evaluation.Of(who, r.PersonId, r.ReferralId, r.Date, days <= Limit, failure);
        }
    }

    /// <summary>The child's latest contact on or before the referral and after their previous referral.</summary>
    private static Contact? ContactBefore(CaseData data, Referral referral)
    {
        var contacts = data.ContactsByChild.For(referral.PersonId);
        var latest = contacts.LastOnOrBefore(referral.Date);
        if (latest is null) return null;
        var referrals = data.ReferralsByChild.For(referral.PersonId);
        for (var i = referrals.LastIndexOnOrBefore(referral.Date); i > 0; i--)
        {
            if (referrals[i].ReferralId != referral.ReferralId) continue;
            return latest.Date > referrals[i - 1].Date ? latest : null;
        }
        return latest;
    }
}

using Dashboard.Core.Indicators.Catalogue.Rules;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Indicators.Catalogue;

public sealed class Front01ContactsLeadingToReferral : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = "FRONT-01",
        Title = "Contacts leading to a referral",
        Theme = Theme.Front,
        Definition = "Of the contacts received in the month, the share whose recorded outcome was a new referral "
            + "(the contact outcome's NEW_REFERRAL_FLAG is Y). A context measure: a share that moves sharply prompts a look at how "
            + "the front door is filtering, but neither a higher nor a lower share is better in itself.",
        Numerator = "Contacts in the month whose outcome was a new referral",
        Denominator = "Contacts in the month",
        Polarity = Polarity.Neither,
        Unit = IndicatorUnit.Percent,
        Period = PeriodKind.InMonth,
        Sources = [DataSource.Contacts],
    };

    public IEnumerable<Evaluation> Evaluate(CaseData data, Month month, IndicatorSettings settings)
    {
        foreach (var c in data.Contacts.Between(month.First, month.Last))
        {
            yield return Evaluation.Of(data.Allocation.At(c.PersonId, c.Date), c.PersonId, c.ContactId, c.Date, c.IsNewReferral == true);
        }
    }
}

using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// The 45-working-day assessment clock (RISK-01, RISK-02). It starts on the referral date; when the
/// assessment's referral cannot be found it starts on the assessment's own start date instead.
/// Convention: the referral day is day zero, so an assessment authorised on working day 45 is in time and
/// one on day 46 is late. DfE's CIN validator counts the referral day as day one (its limit is our day 44).
/// </summary>
internal static class AssessmentClock
{
    public const int Limit = 45;

    public static DateOnly StartOf(CaseData data, Assessment assessment) =>
        assessment.ReferralId is not null && data.ReferralsById.TryGetValue(assessment.ReferralId, out var referral)
            ? referral.Date
            : assessment.Start;
}

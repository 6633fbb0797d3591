using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// PARTNERS-02 and -03: one unit per partner agency's invitation to a meeting of the given types in the
/// month, as a headline over all partners and a series per agency (the series repeat no failures).
/// </summary>
internal static class Invitations
{
    public static IEnumerable<Evaluation> Evaluate(
        CaseData data, Month month, string[] meetingTypes, Func<MeetingAttendance, bool> met, string what)
    {
        foreach (var m in data.MeetingAttendance.Between(month.First, month.Last))
        {
            if (m.Invited != true || !meetingTypes.Contains(m.MeetingType, StringComparer.OrdinalIgnoreCase)) continue;
            var agency = m.Agency.Trim().ToUpperInvariant();
            if (agency == "LA") continue;
            var who = data.Allocation.At(m.PersonId, m.Date);
            var ok = met(m);
            var failure = ok ? null : new ExceptionDetail(what, Note: $"{agency}, {m.MeetingType} meeting {m.MeetingId}");
            yield return Evaluation.Of(who, m.PersonId, m.MeetingId, m.Date, ok, failure);
            yield return Evaluation.Of(who, m.PersonId, m.MeetingId, m.Date, ok,
                series: Common.PartnerAgencies.Contains(agency, StringComparer.Ordinal) ? agency : "OTHER");
        }
    }
}

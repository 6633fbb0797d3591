using Dashboard.Core.Codes;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;

namespace Dashboard.Core.Indicators.Catalogue.Rules;

/// <summary>
/// PARTNERS-02 and -03: one unit per partner agency's invitation to a meeting of the given types in the
/// month, as a headline over all partners and a series per agency (the series repeat no failures).
/// A failure names the agency, the meeting and what went wrong ("Police invited to the initial conference, did not
/// attend"): only the failure's words reach the follow-up list, so they must say all of it.
/// </summary>
internal static class Invitations
{
    /// <param name="outcome">Whether the agency did what was asked (attended, sent a report); null when not recorded.</param>
    /// <param name="notDone">The words for false ("did not attend").</param>
    /// <param name="notRecorded">The words for null ("attendance not recorded").</param>
    public static IEnumerable<Evaluation> Evaluate(CaseData data, Month month, string[] meetingTypes, Func<MeetingAttendance, bool?> outcome,
        string notDone, string notRecorded)
    {
        foreach (var m in data.MeetingAttendance.Between(month.First, month.Last))
        {
            if (m.Invited != true || !meetingTypes.Contains(m.MeetingType, StringComparer.OrdinalIgnoreCase)) continue;
            var agency = m.Agency.Trim().ToUpperInvariant();
            if (agency == "LA") continue;
            var who = data.Allocation.At(m.PersonId, m.Date);
            var result = outcome(m);
            var ok = result == true;
            var failure = ok ? null
                : new ExceptionDetail($"{AgencyName(agency)} invited to {MeetingName(m.MeetingType)}, {(result is null ? notRecorded : notDone)}",
                    Note: $"{agency}, {m.MeetingType} meeting {m.MeetingId}");
            yield return Evaluation.Of(who, m.PersonId, m.MeetingId, m.Date, ok, failure);
            yield return Evaluation.Of(who, m.PersonId, m.MeetingId, m.Date, ok,
                series: Common.PartnerAgencies.Contains(agency, StringComparer.Ordinal) ? agency : "OTHER");
        }
    }

    /// <summary>"Police" for POLICE; an agency the code list does not know keeps its code, so it is still named.</summary>
    public static string AgencyName(string code) =>
        CodeLists.Get(CodeLists.Agency).TryGetValue(code.Trim(), out var name) ? name : code.Trim();

    private static string MeetingName(string meetingType) => meetingType.Trim().ToUpperInvariant() switch
    {
        "ICPC" => "the initial conference",
        "RCPC" => "the review conference",
        _ => "the meeting",
    };
}

using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data;
using Dashboard.Data.App;

namespace Dashboard.Cli.Commands;

/// <summary>
/// The findings of a made-up Ofsted monitoring letter for the synthetic council, so the Themes page and the
/// monitoring-visit pack show what they are for. Added only when no finding is recorded: a council's own findings
/// (or ones the demo added before) are never touched.
/// </summary>
internal static class DemoFindings
{
    public const string Author = "demo";

    // The last finding has no action on purpose: the councillors' pack then shows how it says "nothing recorded".
    private static readonly (Theme Theme, string Title, string Body, string[] Indicators, string? Action)[] Letter =
    [
        (Theme.Seen, "Children on child protection plans are not always seen often enough",
            "Demo finding. Visits to children subject to child protection plans are not consistently within the 10 working days the council expects, and too few children are seen alone.",
            ["SEEN-01", "SEEN-02"],
            "Demo action. Team managers check every child protection visit due in the next 10 working days at a weekly huddle, and visits where the child was not seen alone are discussed in supervision."),
        (Theme.Front, "Thresholds at the front door are not applied consistently",
            "Demo finding. Decisions to take no further action on referrals, and assessments that find no need for support, vary between teams more than their work explains.",
            ["FRONT-04", "FRONT-05", "OVERSIGHT-02"],
            "Demo action. A monthly threshold audit samples each front-door team's no-further-action decisions, and the teams furthest from the council's rate review theirs with the head of service."),
        (Theme.Partners, "Partner agencies do not reliably attend or report to initial conferences",
            "Demo finding. Police, health and education do not consistently attend initial child protection conferences or provide reports for them.",
            ["PARTNERS-02", "PARTNERS-03"],
            "Demo action. The safeguarding partnership has agreed a named attendee for every initial conference, and chairs report each absence to the partnership's monthly meeting."),
        (Theme.Oversight, "Management oversight is not consistently recorded",
            "Demo finding. Managers' direction is not always recorded on children's files within the 20 working days the council expects.",
            ["OVERSIGHT-01"],
            null),
    ];

    /// <summary>The demo letter's date: the 12th of the month six months before the extract date.</summary>
    public static DateOnly LetterDate(DateOnly asOf) => new DateOnly(asOf.Year, asOf.Month, 12).AddMonths(-6);

    /// <summary>Records the demo letter's findings unless some finding is already recorded; returns how many were added.</summary>
    public static async Task<int> AddIfNoneAsync(IConnectionFactory warehouse, DateOnly asOf, TimeProvider time, CancellationToken ct)
    {
        var store = new FindingStore(warehouse, time);
        if ((await store.ListAsync(ct)).Count > 0) return 0;
        var date = LetterDate(asOf);
        foreach (var (theme, title, body, indicators, action) in Letter)
        {
            await store.AddAsync(new FindingDraft(date, theme, title, body, indicators, action), Author, ct);
        }
        return Letter.Length;
    }
}

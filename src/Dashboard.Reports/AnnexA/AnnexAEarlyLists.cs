using Dashboard.Core.Codes;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// Lists 1 to 5: the front door (contacts, early help, referrals, assessments, section 47 enquiries and initial
/// conferences). Each row starts with the child columns; codes carry the template's letter prefixes.
/// </summary>
internal sealed class AnnexAEarlyLists(AnnexAQueries queries, AnnexAChildren children, AnnexAWindow window)
{
    public async Task<AnnexAList> ContactsAsync()
    {
        var headers = AnnexAHeaders.List1;
        var rows = (await queries.ContactsAsync()).Select(c =>
        {
            var row = children.StartRow(c.ChildKey, headers.Count);
            row[5] = AnnexAWindow.Date(c.DateKey);
            row[6] = AnnexALabels.Code(CodeLists.ReferralSource, c.Code);
            return row;
        }).ToList();
        return new AnnexAList(1, "List 1 Contacts", "Contacts received in the lookback.", headers, rows, []);
    }

    public async Task<AnnexAList> EarlyHelpAsync()
    {
        var headers = AnnexAHeaders.List2;
        var rows = (await queries.EarlyHelpAsync()).Select(e =>
        {
            var row = children.StartRow(e.ChildKey, headers.Count);
            row[5] = AnnexAWindow.Date(e.DateKey);
            row[7] = e.Text;
            return row;
        }).ToList();
        return new AnnexAList(2, "List 2 Early help", "Early help episodes that started in the lookback (the episode's start taken as the assessment's start).",
            headers, rows,
            [new UnfilledColumn("Assessment completion date", "The SSD extract records early help episodes, not the assessment within them, so no completion date is held.")]);
    }

    public async Task<AnnexAList> ReferralsAsync()
    {
        var headers = AnnexAHeaders.List3;
        var counts = await queries.CountsInYearAsync(CountedEvent.Referral);
        var rows = (await queries.ReferralsAsync()).Select(r =>
        {
            var row = children.StartRow(r.ChildKey, headers.Count);
            row[5] = AnnexAWindow.Date(r.DateKey);
            row[6] = AnnexALabels.Code(CodeLists.ReferralSource, r.Code);
            row[7] = AnnexALabels.YesNo(r.Flag);
            row[8] = counts.GetValueOrDefault(r.ChildKey);
            children.Allocate(row, r.ChildKey);
            return row;
        }).ToList();
        return new AnnexAList(3, "List 3 Referrals", "Referrals received in the lookback; the count is the child's referrals in the 12 months to the reference date.",
            headers, rows, []);
    }

    public async Task<AnnexAList> AssessmentsAsync()
    {
        var headers = AnnexAHeaders.List4;
        var rows = (await queries.AssessmentsAsync()).Select(a =>
        {
            var row = children.StartRow(a.ChildKey, headers.Count);
            var authorised = window.DateByReference(a.EndKey);
            row[5] = children.Disability(a.ChildKey);
            row[6] = AnnexAWindow.Date(a.DateKey);
            row[7] = AnnexALabels.YesNo(a.Flag);
            row[8] = authorised;
            // The outcome is known only once the assessment is authorised: NFA means no further support needed.
            row[9] = authorised is null || a.Flag2 is null ? null : AnnexALabels.YesNo(a.Flag2 == 0);
            children.Allocate(row, a.ChildKey);
            return row;
        }).ToList();
        return new AnnexAList(4, "List 4 Assessments", "Assessments open at any time in the lookback (started by the reference date, not authorised before the lookback).",
            headers, rows, []);
    }

    public async Task<AnnexAList> Section47sAsync()
    {
        var headers = AnnexAHeaders.List5;
        var strategy = EventPick.Earliest(await queries.StrategyDiscussionsAsync());
        var icpcs = EventPick.Earliest(await queries.IcpcsByEnquiryAsync());
        var enquiries = await queries.CountsInYearAsync(CountedEvent.Section47);
        var conferences = await queries.CountsInYearAsync(CountedEvent.Icpc);
        var rows = (await queries.Section47sAsync()).Select(s =>
        {
            var row = children.StartRow(s.ChildKey, headers.Count);
            var icpc = icpcs.GetValueOrDefault(s.Id);
            row[5] = children.Disability(s.ChildKey);
            // The strategy discussion that started the enquiry where one is matched; else the enquiry's own start,
            // which SSD dates from that discussion.
            row[6] = AnnexAWindow.Date(strategy.GetValueOrDefault(s.Id)?.DateKey ?? s.DateKey);
            row[7] = icpc is not null ? AnnexALabels.YesNo(false) : AnnexALabels.YesNo(s.Flag is { } required ? 1 - required : null);
            row[8] = AnnexAWindow.Date(icpc?.DateKey);
            row[9] = icpc is null ? null : AnnexALabels.YesNo(icpc.Flag);
            row[10] = enquiries.GetValueOrDefault(s.ChildKey);
            row[11] = conferences.GetValueOrDefault(s.ChildKey);
            children.Allocate(row, s.ChildKey);
            return row;
        }).ToList();
        return new AnnexAList(5, "List 5 Section 47 and ICPC", "Section 47 enquiries started in the lookback, with the initial conference that followed.",
            headers, rows, []);
    }
}

using Dashboard.Core.Codes;

namespace Dashboard.Reports.AnnexA;

/// <summary>
/// Lists 6 to 9: children in need, child protection, children in care and care leavers. Dates after the reference
/// date (a closure recorded later) are not shown, so the list reads as it stood on the reference date.
/// </summary>
internal sealed class AnnexACareLists(AnnexACareQueries queries, AnnexAQueries common, AnnexAChildren children, AnnexAWindow window)
{
    public async Task<AnnexAList> ChildrenInNeedAsync()
    {
        var headers = AnnexAHeaders.List6;
        var lastSeen = await common.LastSeenAsync();
        var rows = (await queries.CinEpisodesAsync()).Select(e =>
        {
            var row = children.StartRow(e.ChildKey, headers.Count);
            var closed = window.DateByReference(e.EndKey);
            row[5] = children.Disability(e.ChildKey);
            row[6] = AnnexAWindow.Date(e.DateKey);
            row[7] = AnnexALabels.Code(CodeLists.PrimaryNeed, e.Code);
            row[8] = AnnexAWindow.Date(lastSeen.GetValueOrDefault(e.ChildKey));
            row[9] = closed;
            row[10] = closed is null ? null : AnnexALabels.Code(CodeLists.ClosureReason, e.Code2);
            row[11] = closed is null ? "a) Open" : "b) Closed";
            children.Allocate(row, e.ChildKey);
            return row;
        }).ToList();
        return new AnnexAList(6, "List 6 Children in need", "Children in need episodes (referrals not closed as NFA) open at any time in the lookback.",
            headers, rows, []);
    }

    public async Task<AnnexAList> ChildProtectionAsync()
    {
        var headers = AnnexAHeaders.List7;
        var visits = EventPick.Latest(await queries.CpVisitsAsync());
        var reviews = EventPick.Latest(await queries.CpReviewsAsync());
        var protectedChildren = (await queries.ProtectedInLookbackAsync()).Select(r => r.ChildKey).ToHashSet();
        var starts = (await queries.CpPlanStartsAsync()).ToLookup(r => r.ChildKey, r => r.Value);
        var rows = (await queries.CpPlansAsync()).Select(p =>
        {
            var row = children.StartRow(p.ChildKey, headers.Count);
            var visit = visits.GetValueOrDefault(p.Id);
            row[5] = children.Disability(p.ChildKey);
            row[6] = AnnexAWindow.Date(p.DateKey);
            row[7] = AnnexALabels.Code(CodeLists.CpCategory, p.Code);
            row[8] = AnnexALabels.Code(CodeLists.CpCategory, p.Code2 ?? p.Code);
            row[9] = AnnexAWindow.Date(visit?.DateKey);
            row[10] = visit is null ? null : AnnexALabels.YesNo(visit.Flag);
            row[11] = AnnexAWindow.Date(reviews.GetValueOrDefault(p.Id)?.DateKey);
            row[12] = window.DateByReference(p.EndKey);
            row[13] = AnnexALabels.YesNo(protectedChildren.Contains(p.ChildKey));
            row[14] = starts[p.ChildKey].Count(start => start < p.DateKey);
            children.Allocate(row, p.ChildKey);
            return row;
        }).ToList();
        return new AnnexAList(7, "List 7 Child protection", "Child protection plans open at any time in the lookback.", headers, rows, []);
    }

    public async Task<AnnexAList> ChildrenInCareAsync()
    {
        var headers = AnnexAHeaders.List8;
        var columns = headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        var episodes = await queries.ClaEpisodesAsync();
        var legal = (await queries.LegalStatusesAsync()).GroupBy(l => l.ChildKey).ToDictionary(g => g.Key, g => g.MaxBy(l => l.DateKey)!);
        var placements = (await queries.PlacementsAsync()).ToLookup(p => p.ChildKey);
        var reviews = EventPick.Latest(await queries.ClaReviewsAsync());
        var visits = EventPick.Latest(await queries.ClaVisitsAsync());
        // A period of care is a cla_id; its latest episode by the reference date says where it stands.
        var periods = episodes.GroupBy(e => e.Text ?? e.Id).Select(g => (Id: g.Key, Latest: g.MaxBy(e => e.DateKey)!,
            Start: g.Min(e => e.OtherKey is > 0 ? e.OtherKey.Value : e.DateKey))).ToList();
        var periodsByChild = periods.ToLookup(p => p.Latest.ChildKey);
        var rows = new List<object?[]>();
        foreach (var period in periods.Where(p => p.Latest.EndKey is null || p.Latest.EndKey >= window.FromKey).OrderBy(p => p.Start).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var child = period.Latest.ChildKey;
            var row = children.StartRow(child, headers.Count);
            var ceased = window.DateByReference(period.Latest.EndKey);
            var status = legal.GetValueOrDefault(child);
            var inYear = placements[child].Where(p => p.EndKey is null || p.EndKey >= window.YearFromKey).ToList();
            var placement = inYear.MaxBy(p => p.DateKey);
            void Set(string header, object? value) => row[columns[header]] = value;
            Set(AnnexAHeaders.Disability, children.Disability(child));
            Set("Date Started to be Looked After", AnnexAWindow.Date(period.Start));
            Set("Child's Category of Need", AnnexALabels.Code(CodeLists.PrimaryNeed, period.Latest.Code));
            Set("Child's Legal Status", status is null ? null : AnnexALabels.Code(CodeLists.LegalStatus, status.Code));
            Set("Start date of current legal status", AnnexAWindow.Date(status?.DateKey));
            Set("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                AnnexALabels.YesNo(periodsByChild[child].Any(p => p.Id != period.Id && p.Start < period.Start)));
            Set("Number of Placements in the Last 12 months", inYear.Count);
            Set("Start Date of Most Recent Placement", AnnexAWindow.Date(placement?.DateKey));
            Set("Placement Type", AnnexALabels.Code(CodeLists.PlacementType, placement?.Code));
            Set("Placement Provider", placement?.Text);
            Set("Date of Latest Statutory Review", AnnexAWindow.Date(reviews.GetValueOrDefault(period.Id)?.DateKey));
            Set("Date of Last Social Work Visit", AnnexAWindow.Date(visits.GetValueOrDefault(period.Id)?.DateKey));
            Set("Date of Last IRO Visit / Contact to the Child", window.DateByReference(period.Latest.LaterKey));
            Set("Date Ceased to be Looked After", ceased);
            Set("Reason Ceased to be Looked After", ceased is null ? null : AnnexALabels.Code(CodeLists.ClaCeasedReason, period.Latest.Code2));
            children.Allocate(row, child);
            rows.Add(row);
        }

        return new AnnexAList(8, "List 8 Children in care", "Periods of care open at any time in the lookback.", headers, rows,
        [
            Missing("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "UASC status"),
            Missing("What is the permanence plan for this child?", "the permanence plan"),
            Missing("Date of Last Health Assessment", "health assessments"),
            Missing("Date of Last Dental Check", "dental checks"),
            Missing("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "missing episodes"),
            Missing("Was the child offered a Return Interview after their last missing episode (Y/N)?", "return interviews"),
            Missing("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", "absences"),
        ]);
    }

    public async Task<AnnexAList> CareLeaversAsync()
    {
        var headers = AnnexAHeaders.List9;
        var rows = (await queries.CareLeaversAsync()).Select(c =>
        {
            var row = children.StartRow(c.ChildKey, headers.Count);
            row[5] = children.Disability(c.ChildKey);
            row[6] = c.Team;
            row[7] = c.Worker;
            row[8] = c.Eligibility;
            row[9] = AnnexALabels.Code(CodeLists.CareLeaverInTouch, c.InTouch);
            row[10] = AnnexALabels.Code(CodeLists.CareLeaverAccommodation, c.Accommodation);
            row[11] = AnnexALabels.YesNo(c.Suitable);
            row[12] = AnnexALabels.Code(CodeLists.CareLeaverActivity, c.Activity);
            return row;
        }).ToList();
        return new AnnexAList(9, "List 9 Care leavers", "Care leavers as SSD holds them (each young person's latest status); team and worker are the personal adviser's.",
            headers, rows, []);
    }

    private static UnfilledColumn Missing(string header, string what) =>
        new(header, $"The SSD extract the warehouse loads does not carry {what}, so the column is left blank.");
}

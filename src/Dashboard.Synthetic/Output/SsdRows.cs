using Dashboard.Synthetic.Simulation;

namespace Dashboard.Synthetic.Output;

/// <summary>
/// One method per source table, taking the values by name and laying them out in the column order of
/// <see cref="Core.Ssd.SsdSchema"/> (the sink checks the count of every row against the schema).
/// </summary>
internal sealed class SsdRows(RowSink sink, Ids ids)
{
    public Ids Ids => ids;

    public void Person(Id id, string sex, string gender, string ethnicity, DateOnly? dob, DateOnly? expectedDob) =>
        sink.Row(Tables.Persons).Id(id).Text(sex).Text(gender).Text(ethnicity).Date(dob).Date(expectedDob).Text(null).End();

    public void Disability(Id person, string code) => sink.Row(Tables.Disabilities).Id(person).Text(code).End();

    public void Department(Id team, string teamName, string areaId, string areaName) =>
        sink.Row(Tables.Departments).Id(team).Text(teamName).Text(areaId).Text(areaName).End();

    public void Professional(Id id, Id staffId, string name, string jobTitle, long caseload, Id team, double fte, bool agency) =>
        sink.Row(Tables.Professionals).Id(id).Id(staffId).Text(name).Text(jobTitle).Integer(caseload).Id(team).Real(fte).Flag(agency).End();

    public void Involvement(Id worker, string role, Id team, DateOnly start, DateOnly? end, string? reason, Id person, Id? referral) =>
        sink.Row(Tables.Involvements).Id(ids.Next(IdKind.Involvement)).Id(worker).Text(role).Id(team).Date(start).Date(end).Text(reason)
            .Id(person).Id(referral).End();

    public void Contact(Id person, DateOnly date, string source, string sourceText, string outcomeJson) =>
        sink.Row(Tables.Contacts).Id(ids.Next(IdKind.Contact)).Id(person).Date(date).Text(source).Text(sourceText).Text(outcomeJson).End();

    public void EarlyHelp(Id person, DateOnly start, DateOnly? end, string reason, string? endReason, string organisation, Id worker) =>
        sink.Row(Tables.EarlyHelp).Id(ids.Next(IdKind.EarlyHelp)).Id(person).Date(start).Date(end).Text(reason).Text(endReason)
            .Text(organisation).Id(worker).End();

    public void Referral(Id id, Id person, DateOnly date, string need, string source, string sourceText, string outcomeJson,
        bool nfa, string? closeReason, DateOnly? closeDate, Id team, Id worker) =>
        sink.Row(Tables.Referrals).Id(id).Id(person).Date(date).Text(need).Text(source).Text(sourceText).Text(outcomeJson).Flag(nfa)
            .Text(closeReason).Date(closeDate).Id(team).Id(worker).End();

    public void Assessment(Id person, Id referral, DateOnly start, bool seen, DateOnly? authorised, string outcomeJson,
        bool? nfa, Id team, Id worker) =>
        sink.Row(Tables.Assessments).Id(ids.Next(IdKind.Assessment)).Id(person).Id(referral).Date(start).Flag(seen).Date(authorised)
            .Text(outcomeJson).Flag(nfa).Id(team).Id(worker).End();

    public void CinPlan(Id referral, Id person, DateOnly start, DateOnly? end, Id team, Id worker) =>
        sink.Row(Tables.CinPlans).Id(ids.Next(IdKind.CinPlan)).Id(referral).Id(person).Date(start).Date(end).Id(team).Id(worker).End();

    public void CinVisit(Id person, DateOnly date, bool seen, bool alone, bool bedroom) =>
        sink.Row(Tables.CinVisits).Id(ids.Next(IdKind.CinVisit)).Id(person).Date(date).Flag(seen).Flag(alone).Flag(bedroom).End();

    public void S47(Id id, Id referral, Id person, DateOnly start, DateOnly? end, bool? nfa, string outcomeJson, Id worker, Id team) =>
        sink.Row(Tables.S47).Id(id).Id(referral).Id(person).Date(start).Date(end).Flag(nfa).Text(outcomeJson).Id(worker).Id(team).End();

    public void Icpc(Id id, Id meeting, Id? s47, Id person, Id? plan, Id referral, bool transferIn, DateOnly? target, DateOnly date,
        bool cp, string outcomeJson, Id team, Id worker) =>
        sink.Row(Tables.Icpc).Id(id).Id(meeting).Id(s47).Id(person).Id(plan).Id(referral).Flag(transferIn).Date(target).Date(date)
            .Flag(cp).Text(outcomeJson).Id(team).Id(worker).End();

    public void CpPlan(Id id, Id referral, Id icpc, Id person, DateOnly start, DateOnly? end, string initial, bool ola, string latest) =>
        sink.Row(Tables.CpPlans).Id(id).Id(referral).Id(icpc).Id(person).Date(start).Date(end).Text(initial).Flag(ola).Text(latest).End();

    public void CpVisit(Id person, Id plan, DateOnly date, bool seen, bool alone, bool bedroom) =>
        sink.Row(Tables.CpVisits).Id(ids.Next(IdKind.CpVisit)).Id(person).Id(plan).Date(date).Flag(seen).Flag(alone).Flag(bedroom).End();

    public void CpReview(Id person, Id plan, DateOnly due, DateOnly? held, Id? meeting, bool? continuePlan, bool? quorate, string? participation) =>
        sink.Row(Tables.CpReviews).Id(ids.Next(IdKind.CpReview)).Id(person).Id(plan).Date(due).Date(held).Id(meeting).Flag(continuePlan)
            .Flag(quorate).Text(participation).End();

    public void ClaEpisode(Id person, DateOnly start, string startReason, string need, DateOnly? ceased, string? ceasedReason,
        Id periodOfCare, Id referral, Id placement, DateOnly enteredCare, DateOnly? lastIroContact) =>
        sink.Row(Tables.ClaEpisodes).Id(ids.Next(IdKind.ClaEpisode)).Id(person).Date(start).Text(startReason).Text(need).Date(ceased)
            .Text(ceasedReason).Id(periodOfCare).Id(referral).Id(placement).Date(enteredCare).Date(lastIroContact).End();

    public void Placement(Id id, Id periodOfCare, Id person, DateOnly start, string type, string? urn, double distance,
        string provider, string postcode, DateOnly? end, string? changeReason) =>
        sink.Row(Tables.Placements).Id(id).Id(periodOfCare).Id(person).Date(start).Text(type).Text(urn).Real(distance).Text(provider)
            .Text(postcode).Date(end).Text(changeReason).End();

    public void ClaReview(Id periodOfCare, DateOnly due, DateOnly? held, bool cancelled, string? participation) =>
        sink.Row(Tables.ClaReviews).Id(ids.Next(IdKind.ClaReview)).Id(periodOfCare).Date(due).Date(held).Flag(cancelled).Text(participation).End();

    public void ClaVisit(Id periodOfCare, Id person, DateOnly date, bool seen, bool alone) =>
        sink.Row(Tables.ClaVisits).Id(ids.Next(IdKind.ClaVisit)).Id(periodOfCare).Id(person).Date(date).Flag(seen).Flag(alone).End();

    public void LegalStatus(Id person, string status, DateOnly start, DateOnly? end) =>
        sink.Row(Tables.LegalStatuses).Id(ids.Next(IdKind.LegalStatus)).Id(person).Text(status).Date(start).Date(end).End();

    public void CareLeaver(Id person, string eligibility, string inTouch, DateOnly? latestContact, string accommodation, bool suitable,
        string activity, DateOnly? pathwayReview, string advisor, Id team, Id worker) =>
        sink.Row(Tables.CareLeavers).Id(person).Text(eligibility).Text(inTouch).Date(latestContact).Text(accommodation).Flag(suitable)
            .Text(activity).Date(pathwayReview).Text(advisor).Id(team).Id(worker).End();

    public void Attendance(Id meeting, string type, DateOnly date, Id person, string agency, bool invited, bool attended, bool report) =>
        sink.Row(Tables.Meetings).Id(ids.Next(IdKind.Attendance)).Id(meeting).Text(type).Date(date).Id(person).Text(agency).Flag(invited)
            .Flag(attended).Flag(report).End();

    public void Oversight(Id person, DateOnly date, Id manager, string type) =>
        sink.Row(Tables.Oversight).Id(ids.Next(IdKind.Oversight)).Id(person).Date(date).Id(manager).Text(type).End();
}

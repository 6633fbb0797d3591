using Dashboard.Core.Codes;

namespace Dashboard.Synthetic.Simulation;

/// <summary>Children in care since before the window, and care leavers.</summary>
internal sealed partial class Journey
{
    /// <summary>A child looked after at the start of the window who came into care 2 to 10 years earlier
    /// (children entering later come through <see cref="RunReferred"/>, from the warm-up years). Their visits,
    /// reviews, meetings and oversight are extracted from three months before the window, as for everyone.</summary>
    public bool RunLegacyInCare(Rng rng)
    {
        var window = Calendar.WindowStart;
        var age = Mix.AgeInCare.Draw(rng);
        Begin(rng, window.AddYears(-age).AddDays(-rng.Int(0, 360)));
        var latest = window.AddYears(-2);
        var earliest = Max(_dob.AddDays(30), window.AddYears(-10));
        var entry = Calendar.OnOrNextWorkingDay(earliest.AddDays(rng.Int(0, Math.Max(0, latest.DayNumber - earliest.DayNumber))));
        WritePerson(_dob, null);
        WriteDisabilities();

        var date = Max(Calendar.OnOrNextWorkingDay(_dob.AddDays(1)), Calendar.SubtractWorkingDays(entry, rng.Int(10, 40)));
        if (date > entry) date = entry;
        var referral = _ids.Next(IdKind.Referral);
        var frontDoor = Work.TeamFor(TeamRole.FrontDoor, _locality, rng);
        var decider = Work.WorkerOf(Work.PickPosting(frontDoor, date, rng));
        var source = rng.Chance(0.5) ? "6" : Mix.Source.Draw(rng);
        var sourceText = Mix.Label(CodeLists.ReferralSource, source);
        LeadingContact(date, source, sourceText, cpEnquiry: false);
        var assessmentTeam = Work.TeamFor(TeamRole.Assessment, _locality, rng);
        var start = Min(entry, Calendar.AddWorkingDays(date, rng.Int(0, 2)));
        var authorised = Min(entry, Calendar.AddWorkingDays(date, rng.Int(15, 40)));
        var worker = Work.WorkerOf(Work.PickPosting(assessmentTeam, start, rng));
        Rows.Assessment(Person, referral, start, true, Max(start, authorised), _assessmentJson.With("CLA_REQUEST_FLAG", "LEGAL_ACTION_FLAG"),
            false, assessmentTeam.Id, worker.Id);

        var team = Work.TeamFor(TeamRole.InCare, _locality, rng);
        var holder = new Phase(this, team, Calendar.OnOrNextWorkingDay(Max(entry, window.AddYears(-1))), referral, oversight: true);
        var (step, at, closeReason) = Care(holder, referral, entry, DrawLegacyCarePlan(entry));
        var closed = FollowOn(holder, referral, step, at, emergency: false, ref closeReason);
        Rows.Referral(referral, Person, date, rng.Chance(0.7) ? "N1" : Mix.Need.Draw(rng), source, sourceText,
            _referralJson.With("SINGLE_ASSESSMENT_FLAG", "CLA_REQUEST_FLAG"), false, closed is null ? null : closeReason, closed,
            frontDoor.Id, decider.Id);
        return true;
    }

    /// <summary>A child in care for 13 weeks or more since 14 and still in care at 16 is a care leaver: while
    /// 16-17 and in care "Eligible"; after leaving, a personal adviser from the leaving care team until 21.</summary>
    private void CareLeaverStage(Phase holder, DateOnly entry, DateOnly? left)
    {
        var lastInCare = left ?? AsOf;
        var since14 = Max(entry, Birthday(14));
        if (lastInCare.DayNumber - since14.DayNumber < 91 || lastInCare < Birthday(16)) return;
        var ageNow = AgeAt(AsOf);
        if (left is not { } leftOn)
        {
            if (ageNow is 16 or 17) CareLeaverRow("Eligible", leftOn: null, holder.Team, holder.WorkerAt(AsOf));
            return;
        }
        var team = Work.TeamFor(TeamRole.LeavingCare, _locality, Rng);
        var begin = Calendar.OnOrNextWorkingDay(leftOn);
        var adviser = new Phase(this, team, begin <= AsOf ? begin : leftOn, null, oversight: false);
        var twentyOne = Birthday(21);
        if (twentyOne <= AsOf)
        {
            adviser.Close(Max(adviser.Start, twentyOne), "Case closed");
            Touch(twentyOne);
            return;
        }
        CareLeaverRow(ageNow < 18 ? "Relevant" : "Former relevant", leftOn, team, adviser.WorkerAt(AsOf));
        MarkOpen();
        adviser.Close(null, null);
    }

    private void CareLeaverRow(string eligibility, DateOnly? leftOn, Team team, Worker worker)
    {
        var rng = Rng;
        var inTouch = Mix.InTouch.Draw(rng);
        var floor = Max(leftOn ?? Birthday(16), Birthday(16));
        var contact = Max(floor, Calendar.SubtractWorkingDays(AsOf, inTouch == "YES" ? rng.Int(0, 60) : rng.Int(61, 300)));
        var accommodation = leftOn is null ? (rng.Chance(0.6) ? "Z" : "D") : Mix.Accommodation.Draw(rng);
        var suitable = accommodation is "S" or "R" or "W" or "V" or "X" ? rng.Chance(0.1) : rng.Chance(0.93);
        var review = Max(Birthday(16), Calendar.SubtractWorkingDays(AsOf, rng.Chance(0.85) ? rng.Int(0, 120) : rng.Int(131, 260)));
        Rows.CareLeaver(Person, eligibility, inTouch, Min(contact, AsOf), accommodation, suitable, Mix.Activity.Draw(rng), Min(review, AsOf),
            worker.Name, team.Id, worker.Id);
    }
}

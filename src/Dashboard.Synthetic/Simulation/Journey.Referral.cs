using Dashboard.Core.Codes;

namespace Dashboard.Synthetic.Simulation;

/// <summary>The front door: contact, referral decision, assessment, section 47 enquiry and initial conference.</summary>
internal sealed partial class Journey
{
    /// <summary>One referral and everything that follows from it; returns the close date, or null when the
    /// case is open at the extract date.</summary>
    private DateOnly? Referral(DateOnly date)
    {
        var rng = Rng;
        var referral = _ids.Next(IdKind.Referral);
        var frontDoor = Work.TeamFor(TeamRole.FrontDoor, _locality, rng);
        var decider = Work.WorkerOf(Work.PickPosting(frontDoor, date, rng));
        var source = Mix.Source.Draw(rng);
        var sourceText = Mix.Label(CodeLists.ReferralSource, source);
        var need = Mix.Need.Draw(rng);
        var transferIn = rng.Chance(0.005);
        var nfa = !transferIn && rng.Chance(Practice.ReferralNfaRate(frontDoor));
        var s47 = !nfa && !transferIn && rng.Chance(_cpPlans > 0 ? 0.6 : 0.39);

        LeadingContact(date, source, sourceText, s47);
        var decided = rng.Chance(0.8) ? date : Calendar.AddWorkingDays(date, 1);

        if (nfa)
        {
            if (decided <= AsOf && decided >= HistoryFrom) Rows.Oversight(Person, decided, Work.ManagerOf(frontDoor).Id, "DECISION");
            DateOnly? nfaClose = decided <= AsOf ? decided : null;
            if (nfaClose is null) MarkOpen();
            Rows.Referral(referral, Person, date, need, source, sourceText, _referralJson.With(), true,
                nfaClose is null ? null : "RC8", nfaClose, frontDoor.Id, decider.Id);
            return nfaClose;
        }

        var assessmentTeam = Work.TeamFor(TeamRole.Assessment, _locality, rng);
        var allocated = Min(AsOf, Calendar.AddWorkingDays(date, rng.Chance(0.7) ? 0 : 1));
        var phase = new Phase(this, assessmentTeam, allocated, referral, oversight: false);
        var start = Calendar.OnOrNextWorkingDay(Calendar.AddWorkingDays(date, rng.Next() switch { < 0.5 => 0, < 0.8 => 1, < 0.92 => 2, _ => 3 }));
        if (start > AsOf) start = date;
        var authorisedOn = Max(start, Calendar.AddWorkingDays(date, _practice.AssessmentWorkingDays(assessmentTeam, date, rng)));
        DateOnly? authorised = authorisedOn <= AsOf ? authorisedOn : null;
        var seen = _practice.ChildSeenDuringAssessment(assessmentTeam, date, rng);

        var (step, at, s47Nfa) = s47 ? Section47(referral, date, phase)
            : transferIn ? TransferIn(referral, date, phase)
            : (Step.None, default, false);

        var decision = step;
        var emergency = false;
        var servicesOnly = false;
        if (step == Step.None)
        {
            if (authorised is not { } auth)
            {
                step = decision = Step.Open;
            }
            else
            {
                if (rng.Chance(AgeAt(date) >= 13 ? 0.04 : 0.022) && AgeAt(auth) < 17)
                {
                    decision = Step.Care;
                    emergency = s47 && rng.Chance(0.5);
                    at = auth;
                }
                else if (rng.Chance(s47 ? (s47Nfa ? 0.8 : 0.3) : 0.33))
                {
                    decision = Step.Close;
                    at = Calendar.AddWorkingDays(auth, rng.Int(0, 3));
                }
                else if (rng.Chance(0.22))
                {
                    decision = Step.Close;
                    servicesOnly = true;
                    at = Calendar.AddWorkingDays(auth, rng.Int(0, 5));
                }
                else
                {
                    decision = Step.Cin;
                    at = Calendar.AddWorkingDays(auth, rng.Int(0, 10));
                }
                step = at <= AsOf ? decision : Step.Open;
            }
        }

        var assessmentOutcome = decision switch
        {
            Step.Close when servicesOnly => _assessmentJson.With("PROV_OF_SERVICES_FLAG", "REFERRAL_TO_OTHER_AGENCY_FLAG"),
            Step.Close => _assessmentJson.With("NFA_FLAG"),
            Step.Cin => _assessmentJson.With("PROV_OF_SERVICES_FLAG"),
            Step.Cp => _assessmentJson.With("STRATEGY_DISCUSSION_FLAG"),
            Step.Care => _assessmentJson.With("CLA_REQUEST_FLAG", "LEGAL_ACTION_FLAG"),
            _ when s47 => _assessmentJson.With("STRATEGY_DISCUSSION_FLAG"),
            _ => _assessmentJson.With(),
        };
        Rows.Assessment(Person, referral, start, seen, authorised, assessmentOutcome,
            authorised is null ? null : decision == Step.Close && !servicesOnly, assessmentTeam.Id, phase.WorkerAt(authorised ?? start).Id);
        if (authorised is { } a && a >= HistoryFrom) Rows.Oversight(Person, a, Work.ManagerOf(assessmentTeam).Id, "AUTHORISATION");

        var closeReason = step == Step.Close && !servicesOnly ? (rng.Chance(0.3) ? "RC9" : "RC8") : "RC7";
        var closed = FollowOn(phase, referral, step, at, emergency, ref closeReason);
        if (closeReason == "RC9" && closed is { } stepDown) EarlyHelpEpisode(stepDown);
        ExistingReferralContacts(date, closed ?? AsOf);

        var referralOutcome = (s47, transferIn, decision) switch
        {
            (_, true, _) => _referralJson.With("CP_TRANSFER_IN_FLAG", "CP_CONFERENCE_FLAG"),
            (true, _, Step.Cp) => _referralJson.With("SINGLE_ASSESSMENT_FLAG", "STRATEGY_DISCUSSION_FLAG", "CP_CONFERENCE_FLAG"),
            (true, _, _) => _referralJson.With("SINGLE_ASSESSMENT_FLAG", "STRATEGY_DISCUSSION_FLAG"),
            (_, _, Step.Care) => _referralJson.With("SINGLE_ASSESSMENT_FLAG", "CLA_REQUEST_FLAG"),
            _ => _referralJson.With("SINGLE_ASSESSMENT_FLAG"),
        };
        Rows.Referral(referral, Person, date, need, source, sourceText, referralOutcome, false,
            closed is null ? null : closeReason, closed, frontDoor.Id, decider.Id);
        return closed;
    }

    /// <summary>Passes the case from team to team until it closes or reaches the extract date.</summary>
    private DateOnly? FollowOn(Phase holder, Id? referral, Step step, DateOnly at, bool emergency, ref string closeReason)
    {
        while (true)
        {
            switch (step)
            {
                case Step.Open:
                    MarkOpen();
                    holder.Close(null, null);
                    return null;
                case Step.Close:
                    holder.Close(at, "Case closed");
                    return at;
            }
            var role = step == Step.Care ? TeamRole.InCare : TeamRole.ChildProtection;
            if (!holder.Team.Spec.Roles.Contains(role))
            {
                var team = Work.TeamFor(role, _locality, Rng);
                holder.Close(at, $"Transferred to {team.Name}");
                holder = new Phase(this, team, at, referral, oversight: true);
            }
            (step, at, closeReason) = step switch
            {
                Step.Cp => ChildProtectionPlan(holder, referral!.Value, at),
                Step.Cin => ChildInNeedPlan(holder, referral!.Value, at),
                _ => Care(holder, referral!.Value, at, DrawCarePlan(at, emergency)),
            };
            emergency = false;
        }
    }

    /// <summary>A re-referral within 12 months for about a fifth of referrals; a later one for some more.</summary>
    private DateOnly? NextReferral(DateOnly previous, DateOnly closed)
    {
        var u = Rng.Next();
        DateOnly target;
        if (u < 0.26) target = previous.AddDays(Rng.Int(30, 364));
        else if (u < 0.35) target = previous.AddDays(Rng.Int(366, 1100));
        else return null;
        return Calendar.OnOrNextWorkingDay(Max(target, closed.AddDays(Rng.Int(7, 30))));
    }

    /// <summary>The strategy discussion starts the enquiry; about 31% go to an initial conference.</summary>
    private (Step Step, DateOnly At, bool Nfa) Section47(Id referral, DateOnly date, Phase phase)
    {
        var rng = Rng;
        var start = rng.Chance(0.45) ? date : Calendar.AddWorkingDays(date, rng.Int(1, 8));
        if (start > AsOf) start = date;
        var id = _ids.Next(IdKind.S47);
        Meeting("STRAT", _ids.Next(IdKind.Meeting), start);
        var conference = rng.Chance(_cpPlans > 0 ? 0.6 : 0.28);
        var conferenceDate = conference ? Calendar.AddWorkingDays(start, _practice.IcpcWorkingDays(phase.Team, start, rng)) : DateOnly.MaxValue;
        var end = Min(conferenceDate, Calendar.AddWorkingDays(start, conference ? rng.Int(3, 10) : rng.Int(4, 15)));
        var nfa = !conference && rng.Chance(0.4);
        DateOnly? ended = end <= AsOf ? end : null;
        var outcome = conference ? _s47Json.With("CP_CONFERENCE_FLAG")
            : nfa ? _s47Json.With("NFA_FLAG")
            : rng.Chance(0.5) ? _s47Json.With("PROV_OF_SERVICES_FLAG") : _s47Json.With("NFA_CONTINUE_SINGLE_FLAG");
        Rows.S47(id, referral, Person, start, ended, ended is null ? null : nfa, outcome, phase.WorkerAt(ended ?? start).Id, phase.Team.Id);
        if (!conference) return (Step.None, default, nfa);
        if (conferenceDate > AsOf) return (Step.Open, default, false);
        var plan = rng.Chance(0.9);
        InitialConference(referral, id, start, conferenceDate, phase, transferIn: false, plan);
        return (plan ? Step.Cp : Step.Cin, conferenceDate, false);
    }

    /// <summary>A child arriving on another council's plan: a transfer-in conference, no enquiry here.</summary>
    private (Step Step, DateOnly At, bool Nfa) TransferIn(Id referral, DateOnly date, Phase phase)
    {
        var held = Calendar.AddWorkingDays(date, Rng.Int(3, 12));
        if (held > AsOf) return (Step.Open, default, false);
        InitialConference(referral, null, null, held, phase, transferIn: true, plan: true);
        return (Step.Cp, held, false);
    }

    private void InitialConference(Id referral, Id? s47, DateOnly? s47Start, DateOnly held, Phase phase, bool transferIn, bool plan)
    {
        var id = _ids.Next(IdKind.Icpc);
        var meeting = _ids.Next(IdKind.Meeting);
        _pendingIcpc = id;
        _pendingPlan = plan ? _ids.Next(IdKind.CpPlan) : null;
        DateOnly? target = s47Start is { } s ? Calendar.AddWorkingDays(s, 15) : null;
        var outcome = plan ? _icpcJson.With("CP_FLAG") : _icpcJson.With("PROV_OF_SERVICES_FLAG");
        Rows.Icpc(id, meeting, s47, Person, _pendingPlan, referral, transferIn, target, held, plan, outcome, phase.Team.Id, phase.WorkerAt(held).Id);
        Meeting("ICPC", meeting, held);
    }

    /// <summary>The contact that became the referral: mostly the same or the previous working day.</summary>
    private void LeadingContact(DateOnly referral, string source, string sourceText, bool cpEnquiry)
    {
        var gap = Rng.Next() switch { < 0.6 => 0, < 0.85 => 1, _ => Rng.Int(2, 5) };
        var date = gap == 0 ? referral : Calendar.SubtractWorkingDays(referral, gap);
        if (date < _dob) date = referral;
        Rows.Contact(Person, date, source, sourceText,
            cpEnquiry ? _contactJson.With("NEW_REFERRAL_FLAG", "CP_ENQUIRY_FLAG") : _contactJson.With("NEW_REFERRAL_FLAG"));
    }

    /// <summary>Further contacts about a child whose case is open.</summary>
    private void ExistingReferralContacts(DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        if (span < 10) return;
        for (var n = Rng.Poisson(0.35 * Math.Min(2.0, span / 180.0)); n > 0; n--)
        {
            var date = Calendar.OnOrNextWorkingDay(from.AddDays(Rng.Int(5, span)));
            if (date > to || date > AsOf) continue;
            var source = Mix.Source.Draw(Rng);
            Rows.Contact(Person, date, source, Mix.Label(CodeLists.ReferralSource, source), _contactJson.With("EXISTING_REFERRAL_FLAG"));
        }
    }

    /// <summary>Contacts about a referred child that led nowhere (advice or no further action).</summary>
    private void OtherContacts(DateOnly first)
    {
        var last = Min(AsOf, Birthday(18).AddDays(-1));
        var span = last.DayNumber - first.DayNumber;
        if (span <= 0) return;
        for (var n = Rng.Poisson(0.3); n > 0; n--)
        {
            var date = Calendar.OnOrNextWorkingDay(first.AddDays(Rng.Int(0, span)));
            if (date > last) continue;
            var source = Mix.Source.Draw(Rng);
            Rows.Contact(Person, date, source, Mix.Label(CodeLists.ReferralSource, source),
                _contactJson.With(Rng.Chance(0.5) ? "NFA_FLAG" : "ADVICE_FLAG"));
        }
    }

    private void EarlyHelpEpisode(DateOnly from)
    {
        var start = Calendar.AddWorkingDays(from, Rng.Int(1, 15));
        if (start > AsOf) return;
        var endOn = Calendar.OnOrNextWorkingDay(start.AddDays(Rng.Int(60, 320)));
        DateOnly? end = endOn <= AsOf ? endOn : null;
        var organisation = Rng.Next() switch
        {
            < 0.5 => $"Family Hub {_localityNames[_locality]}",
            < 0.75 => "School",
            < 0.9 => "Health Visiting Service",
            _ => "Early Help Team",
        };
        Rows.EarlyHelp(Person, start, end, Rng.Pick(Mix.EarlyHelpReasons), end is null ? null : Rng.Pick(Mix.EarlyHelpEnds),
            organisation, new Id(IdKind.EarlyHelpWorker, (_locality * 20) + Rng.Int(1, 12)));
        if (end is null) MarkOpen();
        else Touch(endOn);
    }
}

using System.Xml.Linq;
using Dashboard.Core.Ssd;
using static Dashboard.Returns.CinCensus.CinElements;

namespace Dashboard.Returns.CinCensus;

/// <summary>
/// Writes one census Child into the SSD tables: the child and disabilities, then each CINdetails (an episode of need:
/// one ssd_cin_episodes row) with its assessments, CIN plans, section 47 enquiries, initial conferences, CP plans and
/// CP reviews. The census gives none of these an id, so each gets a <see cref="ReturnKeys"/> key from the child and
/// its start date; the same episode in a later census year gets the same key and is updated (<see cref="MergeRule.LaterWins"/>).
/// An element that cannot be keyed (a child with no LAchildID, an episode or item without its start date) is kept as a
/// rejection naming file, line and element; the rest of the child still loads.
/// </summary>
internal sealed class CinChildMapper(SsdSourceWriter writer, string fileName)
{
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);

    public long Rejected { get; private set; }

    public void Map(XElement child)
    {
        var identifiers = First(child, ChildIdentifiers);
        var childId = identifiers is null ? null : Value(identifiers, LaChildId);
        if (childId is null)
        {
            Reject(child, "LAchildID", "The child has no LAchildID, so none of its records can be placed.");
            return;
        }
        _sequences.Clear();
        var characteristics = First(child, ChildCharacteristics);
        writer.Write(SsdSchema.Persons, new Dictionary<string, string?>
        {
            ["pers_person_id"] = childId,
            ["pers_sex"] = CinValues.Sex(Value(identifiers!, Sex)),
            ["pers_ethnicity"] = characteristics is null ? null : ReturnValues.Code(Value(characteristics, Ethnicity)),
            ["pers_dob"] = ReturnValues.Date(Value(identifiers!, BirthDate)),
            ["pers_expected_dob"] = ReturnValues.Date(Value(identifiers!, ExpectedBirthDate)),
            ["pers_death_date"] = ReturnValues.Date(Value(identifiers!, DeathDate)),
        }, MergeRule.LaterWins);
        if (characteristics is not null && First(characteristics, Disabilities) is { } disabilities)
        {
            foreach (var code in All(disabilities, Disability).Select(d => ReturnValues.Code(d.Value)).OfType<string>())
            {
                writer.Write(SsdSchema.Disabilities, new Dictionary<string, string?> { ["disa_person_id"] = childId, ["disa_disability_code"] = code });
            }
        }
        foreach (var episode in All(child, CinDetails)) Episode(childId, episode);
    }

    private void Episode(string childId, XElement episode)
    {
        var referralDate = ReturnValues.Date(Value(episode, ReferralDate));
        if (referralDate is null)
        {
            Reject(episode, "CINreferralDate", "The episode of need has no CINreferralDate, so it and what it holds cannot be placed.");
            return;
        }
        var referralId = Key(childId, ReturnKeys.Referral, referralDate);
        var closeReason = ReturnValues.Code(Value(episode, ClosureReason));
        var sections = All(episode, Section47).ToList();
        var plans = All(episode, CpPlans).Select(p => (Element: p, Start: ReturnValues.Date(Value(p, CpPlanStart)))).ToList();
        var conferences = new Dictionary<string, string>(StringComparer.Ordinal);

        var transferIn = ReturnValues.Date(Value(episode, IcpcDate));
        var s47Conferences = sections.Select(s => ReturnValues.Date(Value(s, IcpcDate))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        writer.Write(SsdSchema.Referrals, new Dictionary<string, string?>
        {
            ["cine_referral_id"] = referralId,
            ["cine_person_id"] = childId,
            ["cine_referral_date"] = referralDate,
            ["cine_cin_primary_need_code"] = ReturnValues.Code(Value(episode, PrimaryNeed)),
            ["cine_referral_source_code"] = ReturnValues.Code(Value(episode, ReferralSource)),
            ["cine_referral_outcome_json"] = CinOutcomeJson.Of(
                ("SINGLE_ASSESSMENT_FLAG", All(episode, Assessments).Any() ? "Y" : null),
                ("STRATEGY_DISCUSSION_FLAG", sections.Count > 0 ? "Y" : null),
                ("CP_TRANSFER_IN_FLAG", transferIn is not null && sections.Count == 0 ? "Y" : null),
                ("CP_CONFERENCE_FLAG", transferIn is not null || s47Conferences.Count > 0 ? "Y" : null)),
            ["cine_referral_nfa"] = ReturnValues.Flag(Value(episode, ReferralNfa)),
            ["cine_close_reason"] = closeReason,
            ["cine_close_date"] = ReturnValues.Date(Value(episode, ClosureDate)),
        });

        var assessments = All(episode, Assessments).ToList();
        var last = assessments.FindLastIndex(a => Value(a, AssessmentStart) is not null);
        for (var i = 0; i < assessments.Count; i++)
        {
            Assessment(childId, referralId, assessments[i], closedAfterAssessment: i == last && CinValues.ClosedAfterAssessment(closeReason));
        }
        foreach (var plan in All(episode, CinPlanDates)) CinPlan(childId, referralId, plan);

        // A conference at episode level that no enquiry in the episode holds is a transfer-in conference (the child
        // arrived on another council's plan); written first so an enquiry's own conference on that day wins.
        if (transferIn is not null && !s47Conferences.Contains(transferIn))
        {
            conferences[transferIn] = Conference(childId, referralId, transferIn, null, null, plans, isTransferIn: sections.Count == 0);
        }
        foreach (var section in sections) Section(childId, referralId, section, plans, conferences);
        foreach (var (element, start) in plans) CpPlan(childId, referralId, element, start, conferences);
    }

    private void Assessment(string childId, string referralId, XElement assessment, bool closedAfterAssessment)
    {
        var start = ReturnValues.Date(Value(assessment, AssessmentStart));
        if (start is null)
        {
            Reject(assessment, "AssessmentActualStartDate", "The assessment has no AssessmentActualStartDate, so it cannot be placed.");
            return;
        }
        var authorised = ReturnValues.Date(Value(assessment, AssessmentAuthorised));
        // Factors sit in FactorsIdentifiedAtAssessment; some exports write AssessmentFactors straight under Assessments.
        var factors = All(assessment, Factors).SelectMany(list => All(list, Factor)).Concat(All(assessment, Factor))
            .Select(f => ReturnValues.Code(f.Value)).OfType<string>().ToList();
        // The census records no outcome; it implies one. Factor 21 alone ("no factors identified") means the child was
        // not found in need; other factors mean need was found. With no factors, an episode closed after assessment
        // (RC8, RC9) says its last assessment found no need. An assessment not yet authorised has no outcome.
        string? nfa = authorised is null ? null
            : factors.Count > 0 ? (factors.All(f => f == CinValues.NoFactorsIdentified) ? "Y" : "N")
            : closedAfterAssessment ? "Y" : "N";
        writer.Write(SsdSchema.Assessments, new Dictionary<string, string?>
        {
            ["cina_assessment_id"] = Key(childId, ReturnKeys.Assessment, start),
            ["cina_person_id"] = childId,
            ["cina_referral_id"] = referralId,
            ["cina_assessment_start_date"] = start,
            ["cina_assessment_auth_date"] = authorised,
            ["cina_assessment_outcome_json"] = CinOutcomeJson.Of(("NFA_FLAG", nfa)),
            ["cina_assessment_outcome_nfa"] = nfa,
        });
    }

    private void CinPlan(string childId, string referralId, XElement plan)
    {
        var start = ReturnValues.Date(Value(plan, CinPlanStart));
        if (start is null)
        {
            Reject(plan, "CINPlanStartDate", "The CIN plan has no CINPlanStartDate, so it cannot be placed.");
            return;
        }
        writer.Write(SsdSchema.CinPlans, new Dictionary<string, string?>
        {
            ["cinp_cin_plan_id"] = Key(childId, ReturnKeys.CinPlan, start),
            ["cinp_referral_id"] = referralId,
            ["cinp_person_id"] = childId,
            ["cinp_cin_plan_start_date"] = start,
            ["cinp_cin_plan_end_date"] = ReturnValues.Date(Value(plan, CinPlanEnd)),
        });
    }

    private void Section(string childId, string referralId, XElement section, List<(XElement Element, string? Start)> plans, Dictionary<string, string> conferences)
    {
        var start = ReturnValues.Date(Value(section, S47Start));
        if (start is null)
        {
            Reject(section, "S47ActualStartDate", "The section 47 enquiry has no S47ActualStartDate, so it cannot be placed.");
            return;
        }
        var s47Id = Key(childId, ReturnKeys.S47, start);
        var held = ReturnValues.Date(Value(section, IcpcDate));
        var notRequired = ReturnValues.Flag(Value(section, IcpcNotRequired));
        // A conference held, or not ruled out (ICPCnotRequired false), is a conference the enquiry led to.
        var conference = held is not null || notRequired == "N" ? "Y" : notRequired == "Y" ? "N" : null;
        writer.Write(SsdSchema.S47Enquiries, new Dictionary<string, string?>
        {
            ["s47e_s47_enquiry_id"] = s47Id,
            ["s47e_referral_id"] = referralId,
            ["s47e_person_id"] = childId,
            ["s47e_s47_start_date"] = start,
            ["s47e_s47_outcome_json"] = CinOutcomeJson.Of(("CP_CONFERENCE_FLAG", conference)),
        });
        if (held is not null)
        {
            conferences[held] = Conference(childId, referralId, held, s47Id, ReturnValues.Date(Value(section, IcpcTarget)), plans, isTransferIn: false);
        }
    }

    /// <summary>An initial conference; it resulted in a plan when one of the episode's CP plans starts on its day.</summary>
    private string Conference(string childId, string referralId, string held, string? s47Id, string? target,
        List<(XElement Element, string? Start)> plans, bool isTransferIn)
    {
        var icpcId = ReturnKeys.Of(childId, ReturnKeys.Icpc, held);
        var planned = plans.Any(p => p.Start == held);
        writer.Write(SsdSchema.InitialConferences, new Dictionary<string, string?>
        {
            ["icpc_icpc_id"] = icpcId,
            ["icpc_s47_enquiry_id"] = s47Id,
            ["icpc_person_id"] = childId,
            ["icpc_cp_plan_id"] = planned ? ReturnKeys.Of(childId, ReturnKeys.CpPlan, held) : null,
            ["icpc_referral_id"] = referralId,
            ["icpc_icpc_transfer_in"] = isTransferIn ? "Y" : "N",
            ["icpc_icpc_target_date"] = target,
            ["icpc_icpc_date"] = held,
            ["icpc_icpc_outcome_cp_flag"] = planned ? "Y" : "N",
            ["icpc_icpc_outcome_json"] = CinOutcomeJson.Of(("CP_FLAG", planned ? "Y" : "N")),
        });
        return icpcId;
    }

    private void CpPlan(string childId, string referralId, XElement plan, string? start, Dictionary<string, string> conferences)
    {
        if (start is null)
        {
            Reject(plan, "CPPstartDate", "The child protection plan has no CPPstartDate, so it and its reviews cannot be placed.");
            return;
        }
        var planId = Key(childId, ReturnKeys.CpPlan, start);
        writer.Write(SsdSchema.CpPlans, new Dictionary<string, string?>
        {
            ["cppl_cp_plan_id"] = planId,
            ["cppl_referral_id"] = referralId,
            ["cppl_icpc_id"] = conferences.GetValueOrDefault(start),
            ["cppl_person_id"] = childId,
            ["cppl_cp_plan_start_date"] = start,
            ["cppl_cp_plan_end_date"] = ReturnValues.Date(Value(plan, CpPlanEnd)),
            ["cppl_cp_plan_initial_category"] = ReturnValues.Code(Value(plan, InitialCategory)),
            ["cppl_cp_plan_latest_category"] = ReturnValues.Code(Value(plan, LatestCategory)),
        });
        // Review dates sit in Reviews; some exports write CPPreviewDate straight under the plan.
        foreach (var reviews in All(plan, Reviews).Append(plan))
        {
            foreach (var date in reviews.Elements().Where(e => Array.IndexOf(ReviewDate, e.Name.LocalName) >= 0))
            {
                var held = ReturnValues.Date(date.Value);
                if (held is null) continue;
                writer.Write(SsdSchema.CpReviews, new Dictionary<string, string?>
                {
                    ["cppr_cp_review_id"] = Key(childId, ReturnKeys.CpReview, held),
                    ["cppr_person_id"] = childId,
                    ["cppr_cp_plan_id"] = planId,
                    ["cppr_cp_review_date"] = held,
                });
            }
        }
    }

    /// <summary>The record's key; a second record of the same kind for the child on the same day is numbered "~2".</summary>
    private string Key(string childId, string kind, string date)
    {
        var slot = kind + "/" + date;
        var sequence = _sequences.GetValueOrDefault(slot) + 1;
        _sequences[slot] = sequence;
        return ReturnKeys.Of(childId, kind, date, sequence);
    }

    private void Reject(XElement element, string field, string reason)
    {
        writer.Reject(StatutoryReturn.CinCensus, new ReturnLocation(fileName, Line(element), element.Name.LocalName), field, reason,
            Truncate(element.ToString(SaveOptions.DisableFormatting)));
        Rejected++;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}

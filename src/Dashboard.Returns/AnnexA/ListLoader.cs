using Dashboard.Core.Codes;
using Dashboard.Core.Ssd;
using static Dashboard.Returns.AnnexA.AnnexALists;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Writes one Annex A list row into the SSD tables it feeds (docs/returns/annex-a.md, field by field). Every write
/// fills gaps only: the CIN census and SSDA903, imported first, are the better record, and of several workbooks the
/// importer reads the latest first. A row with no child id or no date for its record cannot be placed and is rejected
/// with its location; a value that cannot be read is written as found for the ETL to quarantine.
/// </summary>
internal sealed class ListLoader(SsdSourceWriter writer, string file)
{
    private const MergeRule Rule = MergeRule.FillGaps;

    /// <summary>Latest record date seen in lists 1-9, for the provenance's period.</summary>
    public DateOnly? LatestDate { get; private set; }

    /// <summary>Loads the row; false when it was rejected.</summary>
    public bool Load(ListRow row)
    {
        var child = row.Raw(ChildId);
        if (child is null) return Reject(row, ChildId, "the row has no child id, so it cannot be placed");
        var list = row.List.Number;
        var date = row.Date(Date);
        if (list <= 8 && date is null) return Reject(row, Date, $"the row has no {row.List.Column(Date).Heading}, so the record cannot be keyed");
        if (list >= 10) return true; // Adoption lists: read and counted; the SSD contract has no adoption tables.
        Note(date);
        Person(row, child);
        switch (list)
        {
            case 1: Contact(row, child, date!); break;
            case 2: EarlyHelp(row, child, date!); break;
            case 3: Referral(row, child, date!); break;
            case 4: Assessment(row, child, date!); break;
            case 5: Section47(row, child, date!); break;
            case 6: ChildInNeed(row, child, date!); break;
            case 7: ChildProtection(row, child, date!); break;
            case 8: ChildInCare(row, child, date!); break;
            case 9: CareLeaver(row, child); break;
        }
        return true;
    }

    private bool Reject(ListRow row, string field, string reason)
    {
        writer.Reject(StatutoryReturn.AnnexA, new ReturnLocation(file, row.Number, row.Element(field)), row.List.Column(field).Heading, reason, row.Original());
        return false;
    }

    private void Note(string? isoDate)
    {
        if (DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", out var d) && (LatestDate is null || d > LatestDate)) LatestDate = d;
    }

    private void Write(SsdTable table, Dictionary<string, string?> values) => writer.Write(table, values, Rule);

    private void Person(ListRow row, string child) => Write(SsdSchema.Persons, new()
    {
        ["pers_person_id"] = child,
        ["pers_sex"] = AnnexACodes.Read(CodeLists.Sex, row.Raw(Gender)),
        ["pers_ethnicity"] = AnnexACodes.Read(CodeLists.Ethnicity, row.Raw(Ethnicity)),
        ["pers_dob"] = row.Date(Dob),
    });

    /// <summary>The team and worker named on the row, as team and worker records keyed by their names (Annex A has no ids).</summary>
    private (string? Team, string? Worker) Allocation(ListRow row)
    {
        var team = row.Raw(Team);
        var worker = row.Raw(Worker);
        if (team is not null) Write(SsdSchema.Departments, new() { ["dept_team_id"] = team, ["dept_team_name"] = team });
        if (worker is not null)
        {
            Write(SsdSchema.Professionals, new() { ["prof_professional_id"] = worker, ["prof_professional_name"] = worker, ["prof_professional_department"] = team });
        }
        return (team, worker);
    }

    /// <summary>
    /// Lists 6-8 name the team and worker allocated at the reference date (or when the record ended): kept as an
    /// allocation from the record's start to its end, so as-at figures at the reference date count against the same
    /// team as the case system's. Earlier months' allocations are not in Annex A (docs/returns/annex-a.md).
    /// </summary>
    private void Allocated(ListRow row, string child, string start, string? end)
    {
        var (team, worker) = Allocation(row);
        if (worker is null) return;
        Write(SsdSchema.Involvements, new()
        {
            ["invo_involvements_id"] = ReturnKeys.Of(child, ReturnKeys.Involvement, start), ["invo_professional_id"] = worker,
            ["invo_professional_team"] = team, ["invo_involvement_start_date"] = start, ["invo_involvement_end_date"] = end, ["invo_person_id"] = child,
        });
    }

    private void Contact(ListRow row, string child, string date) => Write(SsdSchema.Contacts, new()
    {
        ["cont_contact_id"] = ReturnKeys.Of(child, ReturnKeys.Contact, date), ["cont_person_id"] = child, ["cont_contact_date"] = date,
        ["cont_contact_source_code"] = AnnexACodes.Read(CodeLists.ReferralSource, row.Raw(Source)),
    });

    private void EarlyHelp(ListRow row, string child, string date) => Write(SsdSchema.EarlyHelpEpisodes, new()
    {
        ["earl_episode_id"] = ReturnKeys.Of(child, ReturnKeys.EarlyHelp, date), ["earl_person_id"] = child, ["earl_episode_start_date"] = date,
        ["earl_episode_end_date"] = row.Date(EndDate), ["earl_episode_organisation"] = row.Raw(Organisation),
    });

    private void Referral(ListRow row, string child, string date)
    {
        var (team, worker) = Allocation(row);
        Write(SsdSchema.Referrals, new()
        {
            ["cine_referral_id"] = ReturnKeys.Of(child, ReturnKeys.Referral, date), ["cine_person_id"] = child, ["cine_referral_date"] = date,
            ["cine_referral_source_code"] = AnnexACodes.Read(CodeLists.ReferralSource, row.Raw(Source)), ["cine_referral_nfa"] = row.Flag(Nfa),
            ["cine_referral_team"] = team, ["cine_referral_worker_id"] = worker,
        });
    }

    private void Assessment(ListRow row, string child, string date)
    {
        var (team, worker) = Allocation(row);
        Write(SsdSchema.Assessments, new()
        {
            ["cina_assessment_id"] = ReturnKeys.Of(child, ReturnKeys.Assessment, date), ["cina_person_id"] = child,
            ["cina_assessment_start_date"] = date, ["cina_assessment_child_seen"] = row.Flag(Seen), ["cina_assessment_auth_date"] = row.Date(AuthDate),
            // The list asks whether the child needs support; SSD records the opposite, whether the outcome was no further action.
            ["cina_assessment_outcome_nfa"] = row.Flag(NeedsSupport) switch { "Y" => "N", "N" => "Y", var other => other },
            ["cina_assessment_team"] = team, ["cina_assessment_worker_id"] = worker,
        });
    }

    private void Section47(ListRow row, string child, string date)
    {
        var (team, worker) = Allocation(row);
        var s47 = ReturnKeys.Of(child, ReturnKeys.S47, date);
        Write(SsdSchema.S47Enquiries, new()
        {
            ["s47e_s47_enquiry_id"] = s47, ["s47e_person_id"] = child, ["s47e_s47_start_date"] = date,
            ["s47e_s47_completed_by_team"] = team, ["s47e_s47_completed_by_worker_id"] = worker,
        });
        if (row.Date(IcpcDate) is not { } icpc) return;
        Write(SsdSchema.InitialConferences, new()
        {
            ["icpc_icpc_id"] = ReturnKeys.Of(child, ReturnKeys.Icpc, icpc), ["icpc_s47_enquiry_id"] = s47, ["icpc_person_id"] = child,
            ["icpc_icpc_date"] = icpc, ["icpc_icpc_outcome_cp_flag"] = row.Flag(IcpcPlan), ["icpc_icpc_team"] = team, ["icpc_icpc_worker_id"] = worker,
        });
    }

    private void ChildInNeed(ListRow row, string child, string date)
    {
        // The team and worker here are those allocated now, not who decided the referral (list 3 names those).
        Allocated(row, child, date, row.Date(CloseDate));
        Write(SsdSchema.Referrals, new()
        {
            ["cine_referral_id"] = ReturnKeys.Of(child, ReturnKeys.Referral, date), ["cine_person_id"] = child, ["cine_referral_date"] = date,
            ["cine_cin_primary_need_code"] = AnnexACodes.Read(CodeLists.PrimaryNeed, row.Raw(PrimaryNeed)),
            ["cine_close_date"] = row.Date(CloseDate), ["cine_close_reason"] = AnnexACodes.Read(CodeLists.ClosureReason, row.Raw(CloseReason)),
        });
        if (row.Date(LastSeen) is not { } seen) return;
        Write(SsdSchema.CinVisits, new()
        {
            ["cinv_cin_visit_id"] = ReturnKeys.Of(child, ReturnKeys.Visit, seen), ["cinv_person_id"] = child, ["cinv_cin_visit_date"] = seen,
            ["cinv_cin_visit_seen"] = "Y",
        });
    }

    private void ChildProtection(ListRow row, string child, string date)
    {
        Allocated(row, child, date, row.Date(EndDate));
        var plan = ReturnKeys.Of(child, ReturnKeys.CpPlan, date);
        Write(SsdSchema.CpPlans, new()
        {
            ["cppl_cp_plan_id"] = plan, ["cppl_person_id"] = child, ["cppl_cp_plan_start_date"] = date, ["cppl_cp_plan_end_date"] = row.Date(EndDate),
            ["cppl_cp_plan_initial_category"] = AnnexACodes.Read(CodeLists.CpCategory, row.Raw(InitialCategory)),
            ["cppl_cp_plan_latest_category"] = AnnexACodes.Read(CodeLists.CpCategory, row.Raw(LatestCategory)),
        });
        if (row.Date(LastVisit) is { } visit)
        {
            Write(SsdSchema.CpVisits, new()
            {
                ["cppv_cp_visit_id"] = ReturnKeys.Of(child, ReturnKeys.Visit, visit), ["cppv_person_id"] = child, ["cppv_cp_plan_id"] = plan,
                ["cppv_cp_visit_date"] = visit, ["cppv_cp_visit_seen"] = "Y", ["cppv_cp_visit_seen_alone"] = row.Flag(SeenAlone),
            });
        }
        if (row.Date(LatestReview) is { } review)
        {
            Write(SsdSchema.CpReviews, new()
            {
                ["cppr_cp_review_id"] = ReturnKeys.Of(child, ReturnKeys.CpReview, review), ["cppr_person_id"] = child, ["cppr_cp_plan_id"] = plan,
                ["cppr_cp_review_date"] = review,
            });
        }
    }

    private void ChildInCare(ListRow row, string child, string date)
    {
        Allocated(row, child, date, row.Date(EndDate));
        var period = ReturnKeys.Of(child, ReturnKeys.CareEpisode, date);
        var ceased = row.Date(EndDate);
        var placementStart = row.Date(PlacementStart);
        var placement = placementStart is null ? null : ReturnKeys.Of(child, ReturnKeys.Placement, placementStart);
        Write(SsdSchema.ClaEpisodes, new()
        {
            ["clae_cla_episode_id"] = period, ["clae_cla_id"] = period, ["clae_person_id"] = child, ["clae_cla_episode_start_date"] = date,
            ["clae_entered_care_date"] = date, ["clae_cla_primary_need_code"] = AnnexACodes.Read(CodeLists.PrimaryNeed, row.Raw(PrimaryNeed)),
            ["clae_cla_episode_ceased_date"] = ceased, ["clae_cla_episode_ceased_reason"] = AnnexACodes.Read(CodeLists.ClaCeasedReason, row.Raw(CeasedReason)),
            ["clae_cla_placement_id"] = placement,
        });
        if (placement is not null)
        {
            Write(SsdSchema.Placements, new()
            {
                ["clap_cla_placement_id"] = placement, ["clap_cla_id"] = period, ["clap_person_id"] = child, ["clap_cla_placement_start_date"] = placementStart,
                ["clap_cla_placement_type"] = AnnexACodes.Read(CodeLists.PlacementType, row.Raw(PlacementType)), ["clap_cla_placement_end_date"] = ceased,
            });
        }
        if (row.Date(LastVisit) is { } visit)
        {
            Write(SsdSchema.ClaVisits, new()
            {
                ["clav_cla_visit_id"] = ReturnKeys.Of(child, ReturnKeys.Visit, visit), ["clav_cla_id"] = period, ["clav_person_id"] = child,
                ["clav_cla_visit_date"] = visit, ["clav_cla_visit_seen"] = "Y",
            });
        }
        if (row.Date(LatestReview) is { } review)
        {
            Write(SsdSchema.ClaReviews, new()
            {
                ["clar_cla_review_id"] = ReturnKeys.Of(child, ReturnKeys.ClaReview, review), ["clar_cla_id"] = period, ["clar_cla_review_date"] = review,
            });
        }
    }

    private void CareLeaver(ListRow row, string child)
    {
        var (team, worker) = Allocation(row);
        Write(SsdSchema.CareLeavers, new()
        {
            ["clea_person_id"] = child, ["clea_care_leaver_eligibility"] = row.Raw(Eligibility),
            ["clea_care_leaver_in_touch"] = AnnexACodes.Read(CodeLists.CareLeaverInTouch, row.Raw(InTouch)),
            ["clea_care_leaver_accommodation"] = AnnexACodes.Read(CodeLists.CareLeaverAccommodation, row.Raw(Accommodation)),
            ["clea_care_leaver_accom_suitable"] = row.Flag(Suitable),
            ["clea_care_leaver_activity"] = AnnexACodes.Read(CodeLists.CareLeaverActivity, row.Raw(Activity)),
            ["clea_care_leaver_allocated_team"] = team, ["clea_care_leaver_worker_id"] = worker,
        });
    }
}

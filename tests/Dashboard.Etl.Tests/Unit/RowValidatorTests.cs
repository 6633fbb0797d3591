using System.Text.Json;
using Dashboard.Core.Ssd;
using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Tests.Unit;

public class RowValidatorTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private ReferenceIndex _references = null!;

    [SetUp]
    public void LoadParents()
    {
        _references = new ReferenceIndex(SsdSchema.All);
        foreach (var table in SsdSchema.All) _references.Complete(table.Name);
        Loaded("ssd_person", "pers_person_id", "P1", "P2");
        Loaded("ssd_department", "dept_team_id", "T1");
        Loaded("ssd_professionals", "prof_professional_id", "W1");
        Loaded("ssd_cp_plans", "cppl_cp_plan_id", "CP1");
        Loaded("ssd_cin_episodes", "cine_referral_id", "R1");
    }

    private void Loaded(string table, string column, params string[] ids)
    {
        foreach (var id in ids) _references.Values(new SsdReference(table, column)).Add(id);
    }

    private static object?[] Raw(SsdTable table, params (string Column, object? Value)[] values)
    {
        var raw = new object?[table.Columns.Count];
        foreach (var (column, value) in values) raw[table.Columns.ToList().FindIndex(c => c.Name == column)] = value;
        return raw;
    }

    private static object?[] ACpVisit(params (string Column, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            ["cppv_cp_visit_id"] = "V1", ["cppv_person_id"] = "P1", ["cppv_cp_plan_id"] = "CP1",
            ["cppv_cp_visit_date"] = "2026-04-01", ["cppv_cp_visit_seen"] = "Y", ["cppv_cp_visit_seen_alone"] = "N",
        };
        foreach (var (column, value) in changes) values[column] = value;
        return Raw(SsdSchema.CpVisits, [.. values.Select(v => (v.Key, v.Value))]);
    }

    private RowVerdict Check(SsdTable table, object?[] raw, params string[] duplicates) =>
        new RowValidator(table, AsOf, _references, duplicates.ToHashSet()).Validate(raw, new object?[table.Columns.Count]);

    /// <summary>The rule of a rejected row, or of the one repaired field of a loaded row (an optional field's own fault).</summary>
    private static string RuleOf(RowVerdict verdict) => (verdict.Rejection?.Rule ?? verdict.Repairs!.Single().Rule).Name();

    [Test]
    public void A_clean_row_is_loaded_with_typed_values()
    {
        var parsed = new object?[SsdSchema.CpVisits.Columns.Count];
        var verdict = new RowValidator(SsdSchema.CpVisits, AsOf, _references, new HashSet<string>()).Validate(ACpVisit(), parsed);
        Assert.That(verdict.Loaded, Is.True);
        Assert.That(parsed[3], Is.EqualTo(new DateOnly(2026, 4, 1)));
        Assert.That(parsed[4], Is.EqualTo(true));
        Assert.That(parsed[5], Is.EqualTo(false));
        Assert.That(parsed[6], Is.Null);
    }

    [Test]
    public void A_missing_required_column_is_rule_required()
    {
        var verdict = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "  ")));
        Assert.That(verdict.Loaded, Is.False);
        Assert.That(RuleOf(verdict), Is.EqualTo("required"));
        Assert.That(verdict.Rejection!.Field, Is.EqualTo("cppv_cp_visit_date"));
    }

    [Test]
    public void An_unparseable_date_is_rule_date_unparseable()
    {
        var verdict = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "01/04/2026")));
        Assert.That(RuleOf(verdict), Is.EqualTo("date_unparseable"));
        Assert.That(verdict.Rejection!.Value, Is.EqualTo("01/04/2026"));
    }

    [Test]
    public void A_date_after_the_run_date_is_rule_date_future()
    {
        var verdict = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "2026-07-01")));
        Assert.That(RuleOf(verdict), Is.EqualTo("date_future"));
    }

    [Test]
    public void A_date_on_the_run_date_is_not_in_the_future() =>
        Assert.That(Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "2026-06-30"))).Loaded, Is.True);

    [Test]
    public void A_due_date_may_lie_in_the_future()
    {
        var review = Raw(SsdSchema.CpReviews, ("cppr_cp_review_id", "CR1"), ("cppr_person_id", "P1"), ("cppr_cp_plan_id", "CP1"),
            ("cppr_cp_review_due", "2026-09-30"));
        Assert.That(Check(SsdSchema.CpReviews, review).Loaded, Is.True);
    }

    [Test]
    public void An_end_before_its_start_is_rule_date_order()
    {
        var plan = Raw(SsdSchema.CpPlans, ("cppl_cp_plan_id", "CP2"), ("cppl_person_id", "P1"),
            ("cppl_cp_plan_start_date", "2026-03-01"), ("cppl_cp_plan_end_date", "2026-02-28"));
        var verdict = Check(SsdSchema.CpPlans, plan);
        Assert.That(RuleOf(verdict), Is.EqualTo("date_order"));
        Assert.That(verdict.Rejection!.Field, Is.EqualTo("cppl_cp_plan_end_date"));
    }

    [Test]
    public void An_end_on_its_start_day_is_in_order()
    {
        var plan = Raw(SsdSchema.CpPlans, ("cppl_cp_plan_id", "CP2"), ("cppl_person_id", "P1"),
            ("cppl_cp_plan_start_date", "2026-03-01"), ("cppl_cp_plan_end_date", "2026-03-01 17:00:00"));
        Assert.That(Check(SsdSchema.CpPlans, plan).Loaded, Is.True);
    }

    [Test]
    public void A_code_outside_its_list_is_rule_code_unknown_and_a_known_one_is_stored_canonically()
    {
        var bad = Raw(SsdSchema.CpPlans, ("cppl_cp_plan_id", "CP2"), ("cppl_person_id", "P1"),
            ("cppl_cp_plan_start_date", "2026-03-01"), ("cppl_cp_plan_initial_category", "XYZ"));
        Assert.That(RuleOf(Check(SsdSchema.CpPlans, bad)), Is.EqualTo("code_unknown"));

        var lower = Raw(SsdSchema.CpPlans, ("cppl_cp_plan_id", "CP2"), ("cppl_person_id", "P1"),
            ("cppl_cp_plan_start_date", "2026-03-01"), ("cppl_cp_plan_initial_category", " neg "));
        var parsed = new object?[SsdSchema.CpPlans.Columns.Count];
        Assert.That(new RowValidator(SsdSchema.CpPlans, AsOf, _references, new HashSet<string>()).Validate(lower, parsed).Loaded, Is.True);
        Assert.That(parsed[6], Is.EqualTo("NEG"));
    }

    private static object?[] AReferral(params (string Column, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            ["cine_referral_id"] = "R9", ["cine_person_id"] = "P1", ["cine_referral_date"] = "2026-01-10",
            ["cine_referral_source_code"] = "6", ["cine_close_reason"] = "RC8", ["cine_close_date"] = "2026-02-01",
        };
        foreach (var (column, value) in changes) values[column] = value;
        return Raw(SsdSchema.Referrals, [.. values.Select(v => (v.Key, v.Value))]);
    }

    private (RowVerdict Verdict, object?[] Parsed) Validate(SsdTable table, object?[] raw)
    {
        var parsed = new object?[table.Columns.Count];
        return (new RowValidator(table, AsOf, _references, new HashSet<string>()).Validate(raw, parsed), parsed);
    }

    private static int Ordinal(SsdTable table, string column) => table.Columns.ToList().FindIndex(c => c.Name == column);

    [Test]
    public void A_close_date_after_the_run_s_date_is_repaired_the_referral_is_loaded_open_and_the_date_kept()
    {
        var (verdict, parsed) = Validate(SsdSchema.Referrals, AReferral(("cine_close_date", "2026-09-01")));

        Assert.That(verdict.Loaded, Is.True, "only an optional field is wrong, so the referral still counts");
        Assert.That(parsed[Ordinal(SsdSchema.Referrals, "cine_close_date")], Is.Null);
        Assert.That(parsed[Ordinal(SsdSchema.Referrals, "cine_referral_date")], Is.EqualTo(new DateOnly(2026, 1, 10)));
        var repair = verdict.Repairs!.Single();
        Assert.That(repair.Outcome, Is.EqualTo(QuarantineOutcome.Repaired));
        Assert.That((repair.Field, repair.Value, repair.Rule.Name()), Is.EqualTo(("cine_close_date", "2026-09-01", "date_future")));
        Assert.That(repair.Message, Is.EqualTo("ssd_cin_episodes row R9 was loaded with cine_close_date empty: '2026-09-01' is after the run's date 2026-06-30."));
        Assert.That(repair.RowJson, Does.Contain("2026-09-01"), "the whole original row is kept");
    }

    [Test]
    public void An_unknown_optional_code_is_repaired_naming_the_list()
    {
        var (verdict, parsed) = Validate(SsdSchema.Referrals, AReferral(("cine_referral_source_code", "99")));

        Assert.That(verdict.Loaded, Is.True);
        Assert.That(parsed[Ordinal(SsdSchema.Referrals, "cine_referral_source_code")], Is.Null);
        Assert.That(verdict.Repairs!.Single().Message, Does.Contain("is not a code in the referral source list (referral_source)"));
    }

    [Test]
    public void Two_broken_optional_fields_are_both_repaired()
    {
        var (verdict, _) = Validate(SsdSchema.Referrals, AReferral(("cine_referral_source_code", "99"), ("cine_close_reason", "RC99"),
            ("cine_close_date", "2026-07-01")));

        Assert.That(verdict.Loaded, Is.True);
        Assert.That(verdict.Repairs!.Select(r => r.Field), Is.EquivalentTo(new[] { "cine_referral_source_code", "cine_close_reason", "cine_close_date" }));
    }

    [Test]
    public void An_end_date_that_cannot_be_read_rejects_the_row_rather_than_leaving_it_open()
    {
        var (verdict, _) = Validate(SsdSchema.Referrals, AReferral(("cine_close_date", "00/00/0000")));

        Assert.That(verdict.Loaded, Is.False, "empty, the referral would read as still open, which nobody recorded");
        Assert.That(RuleOf(verdict), Is.EqualTo("date_unparseable"));
    }

    [Test]
    public void An_optional_date_that_is_no_period_s_end_and_cannot_be_read_is_repaired()
    {
        var (verdict, parsed) = Validate(SsdSchema.Persons, Raw(SsdSchema.Persons, ("pers_person_id", "P9"), ("pers_dob", "2010-02-30")));

        Assert.That(verdict.Loaded, Is.True);
        Assert.That(parsed[Ordinal(SsdSchema.Persons, "pers_dob")], Is.Null);
        Assert.That(RuleOf(verdict), Is.EqualTo("date_unparseable"));
    }

    [Test]
    public void A_broken_required_field_rejects_the_row_whole_even_with_a_repairable_fault_beside_it()
    {
        var (verdict, _) = Validate(SsdSchema.Referrals, AReferral(("cine_referral_date", "2026-13-40"), ("cine_close_date", "2026-09-01")));

        Assert.That(verdict.Loaded, Is.False);
        Assert.That(verdict.Repairs, Is.Null);
        Assert.That(verdict.Rejection!.Outcome, Is.EqualTo(QuarantineOutcome.Rejected));
        Assert.That(verdict.Rejection!.Field, Is.EqualTo("cine_referral_date"));
        Assert.That(verdict.Rejection!.Message, Does.Contain("also broken: cine_close_date date_future"));
    }

    [Test]
    public void A_missing_person_or_an_end_before_its_start_is_still_rejected_whole()
    {
        Assert.That(Validate(SsdSchema.Referrals, AReferral(("cine_person_id", "P404"))).Verdict.Loaded, Is.False);
        var order = Validate(SsdSchema.Referrals, AReferral(("cine_close_date", "2025-12-01"))).Verdict;
        Assert.That(order.Loaded, Is.False, "which of the two dates is wrong is unknown, so neither is guessed");
        Assert.That(RuleOf(order), Is.EqualTo("date_order"));
    }

    [Test]
    public void A_required_code_outside_its_list_rejects_the_row() =>
        Assert.That(RuleOf(Check(SsdSchema.LegalStatuses, Raw(SsdSchema.LegalStatuses, ("lega_legal_status_id", "L1"),
            ("lega_person_id", "P1"), ("lega_legal_status", "Q7"), ("lega_legal_status_start_date", "2025-01-01")))), Is.EqualTo("code_unknown"));

    private static object?[] APlacement(string type, string start) => Raw(SsdSchema.Placements, ("clap_cla_placement_id", "PL1"),
        ("clap_cla_id", "CLA1"), ("clap_person_id", "P1"), ("clap_cla_placement_start_date", start), ("clap_cla_placement_type", type));

    [TestCase("A4")]
    [TestCase("A6")]
    [TestCase("K1")]
    [TestCase("P3")]
    [TestCase("T0")]
    [TestCase("T4")]
    public void SSDA903_placement_codes_once_quarantined_are_loaded(string type)
    {
        Loaded("ssd_cla_episodes", "clae_cla_id", "CLA1");
        var (verdict, parsed) = Validate(SsdSchema.Placements, APlacement(type, "2025-06-01"));

        Assert.That(verdict is { Loaded: true, Repairs: null }, Is.True);
        Assert.That(parsed[Ordinal(SsdSchema.Placements, "clap_cla_placement_type")], Is.EqualTo(type));
    }

    [Test]
    public void A_retired_placement_code_passes_in_its_own_year_and_is_repaired_in_a_later_one_naming_list_and_year()
    {
        Loaded("ssd_cla_episodes", "clae_cla_id", "CLA1");
        var old = Validate(SsdSchema.Placements, APlacement("H5", "2024-03-31"));
        var later = Validate(SsdSchema.Placements, APlacement("H5", "2024-04-01"));

        Assert.That(old.Verdict.Repairs, Is.Null);
        Assert.That(old.Parsed[Ordinal(SsdSchema.Placements, "clap_cla_placement_type")], Is.EqualTo("H5"));
        Assert.That(later.Verdict.Loaded, Is.True, "the placement still counts; only its type is emptied");
        Assert.That(later.Verdict.Repairs!.Single().Message, Does.Contain(
            "is a code in the placement type list (placement_type) for up to 2023-24 only, not in 2024-25 (the year of clap_cla_placement_start_date)"));
    }

    [Test]
    public void A_flag_that_is_not_yes_or_no_is_rule_flag_unparseable() =>
        Assert.That(RuleOf(Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_seen", "sometimes")))), Is.EqualTo("flag_unparseable"));

    [Test]
    public void Integer_flags_from_a_source_are_accepted() =>
        Assert.That(Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_seen", 1L), ("cppv_cp_visit_seen_alone", 0L))).Loaded, Is.True);

    [Test]
    public void A_number_that_does_not_parse_is_rule_number_unparseable()
    {
        var placement = Raw(SsdSchema.Placements, ("clap_cla_placement_id", "PL1"), ("clap_cla_id", "CLA1"), ("clap_person_id", "P1"),
            ("clap_cla_placement_start_date", "2026-01-01"), ("clap_cla_placement_distance", "far"));
        _references.Values(new SsdReference("ssd_cla_episodes", "clae_cla_id")).Add("CLA1");
        Assert.That(RuleOf(Check(SsdSchema.Placements, placement)), Is.EqualTo("number_unparseable"));
    }

    [Test]
    public void Json_that_does_not_parse_is_rule_json_unparseable()
    {
        var contact = Raw(SsdSchema.Contacts, ("cont_contact_id", "C1"), ("cont_person_id", "P1"), ("cont_contact_date", "2026-01-01"),
            ("cont_contact_outcome_json", "{\"NEW_REFERRAL_FLAG\": Y"));
        Assert.That(RuleOf(Check(SsdSchema.Contacts, contact)), Is.EqualTo("json_unparseable"));
    }

    [Test]
    public void A_required_reference_to_a_parent_that_was_not_loaded_is_rule_reference_unresolved()
    {
        // CP9 is absent from the loaded plans: missing from the source, or quarantined itself.
        var verdict = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_plan_id", "CP9")));
        Assert.That(RuleOf(verdict), Is.EqualTo("reference_unresolved"));
        Assert.That(verdict.Rejection!.Message, Does.Contain("ssd_cp_plans"));
    }

    [Test]
    public void An_optional_reference_that_does_not_resolve_loads_with_the_unknown_member()
    {
        var referral = Raw(SsdSchema.Referrals, ("cine_referral_id", "R2"), ("cine_person_id", "P1"), ("cine_referral_date", "2026-01-01"),
            ("cine_referral_team", "T-GONE"), ("cine_referral_worker_id", "W1"));
        var parsed = new object?[SsdSchema.Referrals.Columns.Count];
        var verdict = new RowValidator(SsdSchema.Referrals, AsOf, _references, new HashSet<string>()).Validate(referral, parsed);
        Assert.That(verdict.Loaded, Is.True);
        Assert.That(verdict.UnknownReferences, Is.EqualTo(1));
        Assert.That(parsed[10], Is.Null, "the unresolved team is loaded as the unknown member");
        Assert.That(parsed[11], Is.EqualTo("W1"));
    }

    [Test]
    public void A_duplicated_key_rejects_every_copy()
    {
        var first = Check(SsdSchema.CpVisits, ACpVisit(), "V1");
        var second = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "2026-04-02")), "V1");
        Assert.That(RuleOf(first), Is.EqualTo("duplicate_key"));
        Assert.That(RuleOf(second), Is.EqualTo("duplicate_key"));
        Assert.That(Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_id", "V2")), "V1").Loaded, Is.True);
    }

    [Test]
    public void A_composite_key_is_joined_for_duplicate_detection()
    {
        var validator = new RowValidator(SsdSchema.Disabilities, AsOf, _references, new HashSet<string> { "P1|MOB" });
        var raw = Raw(SsdSchema.Disabilities, ("disa_person_id", " P1"), ("disa_disability_code", "MOB"));
        Assert.That(validator.KeyOf(raw), Is.EqualTo("P1|MOB"));
        Assert.That(validator.Validate(raw, new object?[2]).Rejection!.Rule, Is.EqualTo(QuarantineRule.DuplicateKey));
    }

    [Test]
    public void The_first_rule_in_order_wins_and_the_message_mentions_the_others()
    {
        var verdict = Check(SsdSchema.CpVisits, ACpVisit(("cppv_person_id", null), ("cppv_cp_visit_date", "2099-01-01"), ("cppv_cp_visit_seen", "?")));
        Assert.That(RuleOf(verdict), Is.EqualTo("required"));
        Assert.That(verdict.Rejection!.Message, Does.Contain("cppv_cp_visit_date date_future").And.Contain("cppv_cp_visit_seen flag_unparseable"));
    }

    [Test]
    public void A_quarantine_record_names_table_key_field_value_and_keeps_the_whole_row()
    {
        var rejection = Check(SsdSchema.CpVisits, ACpVisit(("cppv_cp_visit_date", "31/12/2025"))).Rejection!;
        Assert.That(rejection.SourceTable, Is.EqualTo("ssd_cp_visits"));
        Assert.That(rejection.BusinessKey, Is.EqualTo("V1"));
        Assert.That(rejection.Message, Does.Contain("ssd_cp_visits").And.Contain("V1").And.Contain("cppv_cp_visit_date").And.Contain("31/12/2025"));
        using var json = JsonDocument.Parse(rejection.RowJson);
        Assert.That(json.RootElement.EnumerateObject().Count(), Is.EqualTo(SsdSchema.CpVisits.Columns.Count));
        Assert.That(json.RootElement.GetProperty("cppv_cp_visit_date").GetString(), Is.EqualTo("31/12/2025"));
        Assert.That(json.RootElement.GetProperty("cppv_cp_visit_bedroom").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}

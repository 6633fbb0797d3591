using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

public class QuarantineTests : EtlTestBase
{
    private static Support.SsdSourceBuilder AFaultyCouncil() => ASmallCouncil()
        .Contact("C-BADDATE", "P1", "31/01/2026")
        .Contact("C-NOBODY", "P-GONE", "2026-01-31")
        .Row("ssd_contacts", ("cont_contact_id", "C-BADJSON"), ("cont_person_id", "P1"), ("cont_contact_date", "2026-01-31"),
            ("cont_contact_outcome_json", "{NEW_REFERRAL_FLAG: Y"))
        .CpPlan("CP-BACKWARDS", "P2", "2026-04-01", end: "2026-03-01")
        .CpVisit("V-ORPHAN", "CP-BACKWARDS", "P2", "2026-04-02")
        .CpVisit("V-DUP", "CP1", "P2", "2026-04-03").CpVisit("V-DUP", "CP1", "P2", "2026-04-04")
        .CpVisit("V-FUTURE", "CP1", "P2", "2026-07-01")
        .CpVisit("V-FLAG", "CP1", "P2", "2026-04-05", seen: "sometimes")
        .Row("ssd_cp_plans", ("cppl_cp_plan_id", "CP-CODE"), ("cppl_person_id", "P2"), ("cppl_cp_plan_start_date", "2026-04-01"),
            ("cppl_cp_plan_initial_category", "NEGLECTISH"))
        .Placement("PL-FAR", "CLA1", "P3", "2025-03-01", distance: null).Set("ssd_cla_placement", "PL-FAR", "clap_cla_placement_distance", "far")
        .Person("P-NOID").Set("ssd_person", "P-NOID", "pers_person_id", null)
        .Referral("R-LOSTTEAM", "P1", "2026-01-05", team: "T-GONE", worker: "W1");

    [Test]
    public async Task Every_rejected_row_is_quarantined_under_its_rule_and_read_equals_loaded_plus_quarantined()
    {
        var result = await LoadAsync(AFaultyCouncil());

        Assert.That(result.Status, Is.EqualTo("succeeded"));
        AssertReadEqualsLoadedPlusQuarantined(result);
        var rules = Warehouse.Rows("SELECT source_table, business_key, rule, outcome FROM etl_quarantine")
            .Select(r => $"{r["source_table"]} {r["business_key"] ?? "(none)"} {r["rule"]} {r["outcome"]}").ToList();
        Assert.That(rules, Is.EquivalentTo(new[]
        {
            "ssd_person (none) required rejected",
            "ssd_contacts C-BADDATE date_unparseable rejected",
            "ssd_contacts C-NOBODY reference_unresolved rejected",
            "ssd_contacts C-BADJSON json_unparseable repaired",
            "ssd_cp_plans CP-BACKWARDS date_order rejected",
            "ssd_cp_plans CP-CODE code_unknown repaired",
            "ssd_cp_visits V-ORPHAN reference_unresolved rejected",
            "ssd_cp_visits V-DUP duplicate_key rejected",
            "ssd_cp_visits V-DUP duplicate_key rejected",
            "ssd_cp_visits V-FUTURE date_future rejected",
            "ssd_cp_visits V-FLAG flag_unparseable repaired",
            "ssd_cla_placement PL-FAR number_unparseable repaired",
        }), "a required field (the visit date) rejects the row; an optional one (the seen flag) is repaired");
        var visits = Table(result, "ssd_cp_visits");
        Assert.That((visits.RowsRead, visits.RowsLoaded, visits.RowsQuarantined, visits.RowsRepaired), Is.EqualTo((7L, 3L, 4L, 1L)));
        Assert.That(Warehouse.Count("etl_load_table", "source_table = 'ssd_cp_visits' AND rows_quarantined = 4 AND rows_repaired = 1"), Is.EqualTo(1));
        Assert.That(Warehouse.Count("fact_cp_visit", "visit_id LIKE 'V-%'"), Is.EqualTo(1));
        Assert.That(Warehouse.Count("fact_cp_visit", "visit_id = 'V-FLAG' AND seen IS NULL"), Is.EqualTo(1), "loaded with the flag empty");
    }

    [Test]
    public async Task A_referral_closed_after_the_extract_date_is_loaded_open_with_the_close_date_kept_as_repaired()
    {
        var council = AFaultyCouncil().Referral("R-LATECLOSE", "P1", "2026-02-01")
            .Set("ssd_cin_episodes", "R-LATECLOSE", "cine_close_date", "2026-12-01");

        var result = await LoadAsync(council);

        AssertReadEqualsLoadedPlusQuarantined(result);
        Assert.That(Warehouse.Count("fact_referral", "referral_id = 'R-LATECLOSE' AND close_date_key IS NULL"), Is.EqualTo(1),
            "the referral still counts in referrals, re-referrals and timeliness");
        var entry = Warehouse.Rows("SELECT * FROM etl_quarantine WHERE business_key = 'R-LATECLOSE'").Single();
        Assert.That((entry["outcome"], entry["field"], entry["value"], entry["rule"]),
            Is.EqualTo(("repaired", "cine_close_date", "2026-12-01", "date_future")));
        Assert.That(Table(result, "ssd_cin_episodes").RowsRepaired, Is.EqualTo(1));
    }

    [Test]
    public async Task SSDA903_placement_codes_A4_A6_K1_P3_and_T0_to_T4_are_loaded_not_quarantined()
    {
        var council = ASmallCouncil();
        string[] codes = ["A4", "A6", "K1", "P3", "T0", "T1", "T2", "T3", "T4"];
        foreach (var code in codes)
        {
            council.Placement($"PL-{code}", "CLA1", "P3", "2025-06-01").Set("ssd_cla_placement", $"PL-{code}", "clap_cla_placement_type", code.ToLowerInvariant());
        }

        var result = await LoadAsync(council);

        Assert.That(Warehouse.Count("etl_quarantine", "source_table = 'ssd_cla_placement'"), Is.Zero);
        Assert.That(Warehouse.Rows("SELECT placement_type FROM fact_placement WHERE placement_id LIKE 'PL-%'").Select(r => r["placement_type"]),
            Is.EquivalentTo(codes), "stored as the list spells them");
        AssertReadEqualsLoadedPlusQuarantined(result);
    }

    [Test]
    public async Task A_quarantine_row_names_table_key_field_value_and_rule_and_keeps_the_source_row()
    {
        var result = await LoadAsync(AFaultyCouncil());

        var row = Warehouse.Rows("SELECT * FROM etl_quarantine WHERE business_key = 'C-BADDATE'").Single();
        Assert.That(row["load_id"], Is.EqualTo(result.LoadId));
        Assert.That(row["source_table"], Is.EqualTo("ssd_contacts"));
        Assert.That(row["field"], Is.EqualTo("cont_contact_date"));
        Assert.That(row["value"], Is.EqualTo("31/01/2026"));
        Assert.That(row["rule"], Is.EqualTo("date_unparseable"));
        Assert.That((string)row["message"]!, Does.Contain("ssd_contacts").And.Contain("C-BADDATE").And.Contain("cont_contact_date").And.Contain("31/01/2026"));
        Assert.That((string)row["row_json"]!, Does.Contain("\"cont_contact_id\":\"C-BADDATE\"").And.Contain("\"cont_contact_source_desc\":\"School\""));
    }

    [Test]
    public async Task A_child_of_a_quarantined_parent_is_quarantined_too()
    {
        await LoadAsync(AFaultyCouncil());
        var orphan = Warehouse.Rows("SELECT * FROM etl_quarantine WHERE business_key = 'V-ORPHAN'").Single();
        Assert.That(orphan["field"], Is.EqualTo("cppv_cp_plan_id"));
        Assert.That(orphan["value"], Is.EqualTo("CP-BACKWARDS"));
    }

    [Test]
    public async Task An_optional_reference_that_does_not_resolve_loads_with_the_unknown_member_and_is_counted()
    {
        var result = await LoadAsync(AFaultyCouncil());
        var referral = Warehouse.Row("fact_referral", "referral_id", "R-LOSTTEAM");
        Assert.That(referral["team_key"], Is.EqualTo(0L));
        Assert.That(referral["worker_key"], Is.Not.EqualTo(0L));
        Assert.That(Table(result, "ssd_cin_episodes").UnknownReferences, Is.EqualTo(1));
        Assert.That(Warehouse.Count("etl_load_table", "source_table = 'ssd_cin_episodes' AND unknown_references = 1"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_row_fixed_in_the_source_loads_on_the_next_run()
    {
        var source = AFaultyCouncil();
        await LoadAsync(source);
        var second = await LoadAsync(source.Set("ssd_contacts", "C-BADDATE", "cont_contact_date", "2026-01-31"));
        Assert.That(Warehouse.Row("fact_contact", "contact_id", "C-BADDATE")["load_id"], Is.EqualTo(second.LoadId));
        Assert.That(Warehouse.Count("etl_quarantine", $"load_id = {second.LoadId}"), Is.EqualTo(11));
    }
}

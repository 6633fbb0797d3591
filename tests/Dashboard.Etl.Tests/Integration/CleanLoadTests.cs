using Dashboard.Etl.Tests.Support;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

public class CleanLoadTests : EtlTestBase
{
    [Test]
    public async Task A_clean_source_loads_every_row_and_records_the_run()
    {
        var result = await LoadAsync(ASmallCouncil());

        Assert.That(result.Status, Is.EqualTo("succeeded"));
        AssertReadEqualsLoadedPlusQuarantined(result);
        Assert.That(result.RowsQuarantined, Is.Zero);
        Assert.That(result.Warnings, Is.Empty);
        Assert.That(Warehouse.Count("dim_child"), Is.EqualTo(3 + 1), "three children and the unknown member");
        Assert.That(Warehouse.Count("dim_team"), Is.EqualTo(2 + 1));
        Assert.That(Warehouse.Count("dim_worker"), Is.EqualTo(3 + 1), "W1 has two spells, W2 one, plus the unknown member");
        Assert.That(Warehouse.Count("fact_contact"), Is.EqualTo(2));
        Assert.That(Warehouse.Count("fact_cp_visit"), Is.EqualTo(2));
        Assert.That(Warehouse.Count("fact_meeting_attendance"), Is.EqualTo(3));
        Assert.That(Warehouse.Count("etl_quarantine"), Is.Zero);

        var run = Warehouse.Rows("SELECT * FROM etl_load_run").Single();
        Assert.That(run["load_id"], Is.EqualTo(result.LoadId));
        Assert.That(run["status"], Is.EqualTo("succeeded"));
        Assert.That(run["as_of_date"], Is.EqualTo("2026-06-30"));
        Assert.That(run["trigger_kind"], Is.EqualTo("manual"));
        Assert.That(run["source_description"], Does.EndWith("source.db"));
        Assert.That(run["finished_at"], Is.Not.Null);
        Assert.That(Warehouse.Count("etl_load_table", "rows_read = rows_loaded + rows_quarantined"), Is.EqualTo(24));
        Assert.That(Warehouse.Count("etl_lock"), Is.Zero, "the lock is released");
    }

    [Test]
    public async Task Facts_carry_their_dimension_keys_dates_flags_and_outcomes()
    {
        var result = await LoadAsync(ASmallCouncil());

        var c1 = Warehouse.Row("fact_contact", "contact_id", "C1");
        Assert.That(c1["child_key"], Is.EqualTo(ChildKey("P1")));
        Assert.That(c1["contact_date_key"], Is.EqualTo(20250830L));
        Assert.That(c1["is_new_referral"], Is.EqualTo(1L));
        Assert.That(c1["is_nfa"], Is.EqualTo(0L));
        Assert.That(c1["is_advice"], Is.Null, "the outcome JSON did not say");
        Assert.That(c1["load_id"], Is.EqualTo(result.LoadId));
        Assert.That(Warehouse.Row("fact_contact", "contact_id", "C2")["is_advice"], Is.EqualTo(1L));

        var visit = Warehouse.Row("fact_cp_visit", "visit_id", "V2");
        Assert.That(visit["cp_plan_id"], Is.EqualTo("CP1"));
        Assert.That(visit["seen"], Is.EqualTo(1L));
        Assert.That(visit["seen_alone"], Is.EqualTo(0L));
        Assert.That(visit["bedroom_seen"], Is.Null);

        Assert.That(Warehouse.Row("fact_s47_enquiry", "s47_id", "S1")["icpc_required"], Is.EqualTo(1L));
        Assert.That(Warehouse.Row("fact_cp_plan", "cp_plan_id", "CP1")["end_date_key"], Is.Null, "an open plan has no end");
        Assert.That(Warehouse.Row("fact_cla_review", "review_id", "CLR1")["child_key"], Is.EqualTo(ChildKey("P3")), "via the episode's child");
        Assert.That(Warehouse.Row("fact_placement", "placement_id", "PL1")["distance_miles"], Is.EqualTo(4.5));
        Assert.That(Warehouse.Row("fact_care_leaver_status", "person_id", "P3")["team_key"], Is.EqualTo(TeamKey("T1")));
        Assert.That(Warehouse.Row("fact_meeting_attendance", "attendance_id", "MA1")["agency_key"],
            Is.EqualTo(Warehouse.Scalar("SELECT agency_key FROM dim_agency WHERE agency_code = 'POLICE'")));

        var strategy = Warehouse.Row("fact_strategy_discussion", "meeting_id", "STRAT1");
        Assert.That(strategy["s47_id"], Is.EqualTo("S1"), "the child's s47 two days after the discussion");
        Assert.That(strategy["agencies_invited"], Is.EqualTo(3L));
        Assert.That(strategy["agencies_attended"], Is.EqualTo(2L));
        Assert.That((strategy["police_attended"], strategy["health_attended"], strategy["education_attended"]), Is.EqualTo((1L, 0L, 0L)));
    }

    [Test]
    public async Task Dimensions_hold_children_with_disabilities_teams_and_the_unknown_members()
    {
        await LoadAsync(ASmallCouncil());

        var p2 = Warehouse.Row("dim_child", "person_id", "P2");
        Assert.That(p2["has_disability"], Is.EqualTo(1L));
        Assert.That(p2["disability_codes"], Is.EqualTo("AUT,MOB"));
        Assert.That(p2["date_of_birth"], Is.EqualTo("2010-07-15"));
        Assert.That(p2["sex"], Is.EqualTo("M"));
        var p1 = Warehouse.Row("dim_child", "person_id", "P1");
        Assert.That((p1["has_disability"], p1["disability_codes"]), Is.EqualTo((0L, "NONE")));
        Assert.That(Warehouse.Row("dim_child", "person_id", "P3")["disability_codes"], Is.Null);
        Assert.That(Warehouse.Row("dim_team", "team_id", "T2")["team_name"], Is.EqualTo("Child protection team"));
        foreach (var (table, key) in new[] { ("dim_child", "child_key"), ("dim_team", "team_key"), ("dim_worker", "worker_key") })
        {
            Assert.That(Warehouse.Count(table, $"{key} = 0"), Is.EqualTo(1), $"{table} keeps its unknown member");
        }
        Assert.That(Warehouse.Scalar("SELECT MIN(child_key) FROM dim_child WHERE child_key <> 0"), Is.EqualTo(1L));
    }

    [Test]
    public async Task A_worker_who_moved_team_has_two_spells_and_facts_take_the_spell_at_their_date()
    {
        await LoadAsync(ASmallCouncil());

        var spells = Warehouse.Rows("SELECT * FROM dim_worker WHERE professional_id = 'W1' ORDER BY valid_from");
        Assert.That(spells, Has.Count.EqualTo(2));
        Assert.That((spells[0]["valid_from"], spells[0]["valid_to"], spells[0]["is_current"], spells[0]["team_key"]),
            Is.EqualTo(("2025-09-01", "2026-02-28", 0L, TeamKey("T1"))));
        Assert.That((spells[1]["valid_from"], spells[1]["valid_to"], spells[1]["is_current"], spells[1]["team_key"]),
            Is.EqualTo(("2026-03-01", (object?)null, 1L, TeamKey("T2"))));

        var before = Warehouse.Row("fact_referral", "referral_id", "R1");
        var after = Warehouse.Row("fact_referral", "referral_id", "R2");
        Assert.That((before["worker_key"], before["team_key"]), Is.EqualTo((spells[0]["worker_key"], TeamKey("T1"))));
        Assert.That((after["worker_key"], after["team_key"]), Is.EqualTo((spells[1]["worker_key"], TeamKey("T2"))));
        Assert.That(Warehouse.Row("fact_involvement", "involvement_id", "I1")["worker_key"], Is.EqualTo(spells[0]["worker_key"]));
        Assert.That(Warehouse.Row("fact_involvement", "involvement_id", "I2")["worker_key"], Is.EqualTo(spells[1]["worker_key"]));
        Assert.That(Warehouse.Row("fact_oversight", "oversight_id", "MO1")["manager_worker_key"],
            Is.EqualTo(Key("dim_worker", "worker_key", "professional_id", "W2")));
    }

    [Test]
    public async Task Loading_the_same_source_twice_leaves_the_star_schema_identical()
    {
        await LoadAsync(ASmallCouncil());
        var first = Warehouse.DumpStar();

        var second = await LoadAsync(ASmallCouncil());

        Assert.That(second.LoadId, Is.EqualTo(2));
        Assert.That(Warehouse.DumpStar(), Is.EqualTo(first), "every dim_ and fact_ row, load_id included");
        Assert.That(second.Tables.Sum(t => t.RowsInserted + t.RowsDeleted), Is.Zero);
        Assert.That(Warehouse.Count("etl_load_run", "status = 'succeeded'"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_changed_row_gets_the_new_load_id_and_unchanged_rows_keep_theirs()
    {
        var source = ASmallCouncil();
        var first = await LoadAsync(source);
        var childKeys = Warehouse.Rows("SELECT person_id, child_key FROM dim_child ORDER BY person_id");

        var second = await LoadAsync(source.Set("ssd_cp_visits", "V2", "cppv_cp_visit_seen_alone", "Y")
            .Person("P0").Remove("ssd_contacts", "C2"));

        Assert.That(Warehouse.Row("fact_cp_visit", "visit_id", "V2")["load_id"], Is.EqualTo(second.LoadId));
        Assert.That(Warehouse.Row("fact_cp_visit", "visit_id", "V2")["seen_alone"], Is.EqualTo(1L));
        Assert.That(Warehouse.Row("fact_cp_visit", "visit_id", "V1")["load_id"], Is.EqualTo(first.LoadId));
        Assert.That(Warehouse.Count("fact_contact", "contact_id = 'C2'"), Is.Zero, "a row gone from the source is gone");
        var visits = Table(second, "ssd_cp_visits");
        Assert.That((visits.RowsInserted, visits.RowsDeleted), Is.EqualTo((1L, 1L)));
        Assert.That(Table(second, "ssd_contacts").RowsDeleted, Is.EqualTo(1));

        // Existing children keep their keys; the new child P0 sorts first but gets max + 1.
        foreach (var row in childKeys)
        {
            Assert.That(ChildKey((string)row["person_id"]!), Is.EqualTo(row["child_key"]));
        }
        Assert.That(ChildKey("P0"), Is.EqualTo(4));
    }

    [Test]
    public async Task A_sqlite_source_and_warehouse_may_be_given_as_bare_file_paths()
    {
        ASmallCouncil().Build(SourcePath);
        var options = new EtlOptions(
            new Dashboard.Data.DatabaseTarget(Dashboard.Data.DatabaseProvider.Sqlite, SourcePath),
            new Dashboard.Data.DatabaseTarget(Dashboard.Data.DatabaseProvider.Sqlite, WarehousePath)) { AsOf = AsOf };
        var result = await new EtlRunner(Time).RunAsync(options);
        Assert.That(result.Status, Is.EqualTo("succeeded"));
        Assert.That(Warehouse.Scalar("SELECT source_description FROM etl_load_run"), Is.EqualTo(SourcePath));
    }

    [Test]
    public async Task Progress_runs_from_prepare_to_one()
    {
        ASmallCouncil().Build(SourcePath);
        var reports = new List<EtlProgress>();
        await new EtlRunner(Time).RunAsync(Options(), new SyncProgress(reports.Add));
        Assert.That(reports[0].Stage, Is.EqualTo("Prepare"));
        Assert.That(reports[^1].Fraction, Is.EqualTo(1.0));
        Assert.That(reports.Select(r => r.Fraction), Is.Ordered);
        Assert.That(reports.Select(r => r.Stage), Does.Contain("Swap"));
    }

    private sealed class SyncProgress(Action<EtlProgress> report) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value) => report(value);
    }
}

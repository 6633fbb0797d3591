using Dashboard.Data.Children;
using Dashboard.Data.Tests.Support;
using static Dashboard.Data.Tests.Support.FactRows;

namespace Dashboard.Data.Tests.Children;

/// <summary>One child (P1) with an event in every fact table, and a second child (P2) who must never show through.</summary>
public sealed class ChildTimelineQueriesTests
{
    private const int Education = 1, Health = 2, Police = 6; // dim_agency keys as WarehouseSetup gives them (ordinal order of code)

    private TempWarehouse _warehouse = null!;
    private ChildTimelineQueries _queries = null!;

    [OneTimeSetUp]
    public async Task CreateWarehouse()
    {
        _warehouse = new TempWarehouse();
        await WarehouseSetup.PrepareAsync(_warehouse.Connections);
        _queries = new ChildTimelineQueries(_warehouse.Connections);
        await AChildKnownToEveryService().SaveAsync(_warehouse.Connections);
    }

    [OneTimeTearDown]
    public void DeleteWarehouse() => _warehouse.Dispose();

    private static FactRows AChildKnownToEveryService() => new FactRows()
        .Add("dim_team", new { team_key = 1, team_id = "T1", team_name = "Assessment team" })
        .Add("dim_team", new { team_key = 2, team_id = "T2", team_name = "Child protection team" })
        .Add("dim_team", new { team_key = 3, team_id = "T3", team_name = "Disabled children's team" })
        .Add("dim_worker", new { worker_key = 1, professional_id = "W1", worker_name = "Sam Social", team_key = 1, valid_from = "2020-01-01", is_current = 1 })
        .Add("dim_worker", new { worker_key = 2, professional_id = "W2", worker_name = "Max Manager", team_key = 2, valid_from = "2020-01-01", is_current = 1 })
        .Add("dim_child", new { child_key = 1, person_id = "P1", sex = "F", ethnicity = "WBRI", date_of_birth = "2015-03-01", has_disability = 1, disability_codes = "AUT,LD" })
        .Add("dim_child", new { child_key = 2, person_id = "P2", has_disability = 0 })
        .Add("fact_early_help_episode", new { episode_id = "EH1", child_key = 1, start_date_key = Day(2025, 10, 1), end_date_key = Day(2026, 1, 31), reason = "Parenting", organisation = "Family hub", worker_id = "W1" })
        .Add("fact_cin_plan", new { cin_plan_id = "CIN1", child_key = 1, start_date_key = Day(2025, 11, 1), end_date_key = Day(2026, 2, 28), team_key = 1, worker_key = 1 })
        .Add("fact_cin_visit", new { visit_id = "CV1", child_key = 1, visit_date_key = Day(2025, 11, 15), seen = 0 })
        .Add("fact_referral", new { referral_id = "R1", child_key = 1, referral_date_key = Day(2026, 3, 1), source_code = "6", primary_need_code = "N1", team_key = 1, worker_key = 1 })
        .Add("fact_contact", new { contact_id = "C1", child_key = 1, contact_date_key = Day(2026, 3, 1), source_code = "6", is_new_referral = 1 })
        .Add("fact_involvement", new { involvement_id = "I1", child_key = 1, worker_key = 1, team_key = 1, role = "Social worker", start_date_key = Day(2026, 3, 2), end_date_key = Day(2026, 3, 20) })
        .Add("fact_assessment", new { assessment_id = "A1", child_key = 1, start_date_key = Day(2026, 3, 2), child_seen = 1, auth_date_key = Day(2026, 3, 10), team_key = 1, worker_key = 1 })
        .Add("fact_strategy_discussion", new { meeting_id = "M1", child_key = 1, meeting_date_key = Day(2026, 3, 3), agencies_invited = 3, agencies_attended = 2, police_attended = 1, health_attended = 1, education_attended = 0 })
        .Add("fact_meeting_attendance", new { attendance_id = "M1-P", meeting_id = "M1", meeting_type = "STRAT", meeting_date_key = Day(2026, 3, 3), child_key = 1, agency_key = Police, invited = 1, attended = 1 })
        .Add("fact_meeting_attendance", new { attendance_id = "M1-H", meeting_id = "M1", meeting_type = "STRAT", meeting_date_key = Day(2026, 3, 3), child_key = 1, agency_key = Health, invited = 1, attended = 1 })
        .Add("fact_meeting_attendance", new { attendance_id = "M1-E", meeting_id = "M1", meeting_type = "STRAT", meeting_date_key = Day(2026, 3, 3), child_key = 1, agency_key = Education, invited = 1, attended = 0 })
        .Add("fact_s47_enquiry", new { s47_id = "S1", child_key = 1, start_date_key = Day(2026, 3, 4), icpc_required = 1, team_key = 2, worker_key = 2 })
        .Add("fact_oversight", new { oversight_id = "O1", child_key = 1, oversight_date_key = Day(2026, 3, 5), manager_worker_key = 2, oversight_type = "SUPERVISION" })
        .Add("fact_icpc", new { icpc_id = "IC1", child_key = 1, target_date_key = Day(2026, 3, 17), icpc_date_key = Day(2026, 3, 18), outcome_cp_plan = 1, team_key = 2, worker_key = 2 })
        .Add("fact_cp_plan", new { cp_plan_id = "CP1", child_key = 1, start_date_key = Day(2026, 3, 18), initial_category = "NEG", latest_category = "NEG" })
        .Add("fact_cp_visit", new { visit_id = "V1", cp_plan_id = "CP1", child_key = 1, visit_date_key = Day(2026, 3, 25), seen = 1, seen_alone = 1 })
        .Add("fact_cp_review", new { review_id = "RV1", cp_plan_id = "CP1", child_key = 1, due_date_key = Day(2026, 6, 10) })
        .Add("fact_cla_episode", new { episode_id = "E1", cla_id = "CLA1", child_key = 1, start_date_key = Day(2026, 4, 1), start_reason = "S", primary_need_code = "N1" })
        .Add("fact_placement", new { placement_id = "PL1", cla_id = "CLA1", child_key = 1, start_date_key = Day(2026, 4, 1), placement_type = "U6", provider = "Acme Fostering", distance_miles = 12.5 })
        .Add("fact_legal_status", new { legal_status_id = "LS1", child_key = 1, legal_status = "C1", start_date_key = Day(2026, 4, 1) })
        .Add("fact_cla_visit", new { visit_id = "CLV1", cla_id = "CLA1", child_key = 1, visit_date_key = Day(2026, 4, 10), seen = 1, seen_alone = 0 })
        .Add("fact_cla_review", new { review_id = "CLR1", cla_id = "CLA1", child_key = 1, review_date_key = Day(2026, 4, 28) })
        .Add("fact_care_leaver_status", new { person_id = "P1", child_key = 1, in_touch = "YES", latest_contact_date_key = Day(2026, 5, 1), accommodation = "U", accommodation_suitable = 1, activity = "F2", team_key = 1, worker_key = 1 })
        .Add("fact_involvement", new { involvement_id = "I9", child_key = 1, worker_key = 0, team_key = 0, start_date_key = Day(2026, 5, 2) })
        .Add("fact_involvement", new { involvement_id = "I2", child_key = 2, worker_key = 1, team_key = 3, start_date_key = Day(2026, 3, 1) })
        .Add("fact_indicator_exception", new { indicator_id = "PLANS-01", series = "", period = "2026-02", rule_date = "2026-02-28", person_id = "P1", child_key = 1, event_id = "CIN1", team_id = "T1", worker_id = "W1", service_area_id = "CSC", what_due = "A plan review", due_date = "2026-02-20", days_overdue = 6, overdue_unit = "working days" })
        .Add("fact_indicator_exception", new { indicator_id = "SEEN-01", series = "", period = "2026-03", rule_date = "2026-03-31", person_id = "P1", child_key = 1, event_id = "CP1", team_id = "T2", worker_id = "W2", service_area_id = "CSC", what_due = "A visit", due_date = "2026-03-28", days_overdue = 2, overdue_unit = "working days" })
        .Add("fact_indicator_exception", new { indicator_id = "SEEN-01", series = "", period = "2026-03", rule_date = "2026-03-31", person_id = "P2", child_key = 2, event_id = "CP9", team_id = "T3", worker_id = "W1", service_area_id = "CSC", what_due = "A visit", due_date = "2026-03-28", days_overdue = 2, overdue_unit = "working days" });

    [Test]
    public async Task The_header_decodes_sex_ethnicity_and_disabilities()
    {
        var child = await _queries.ChildAsync("P1");

        Assert.That(child! with { Disabilities = [] }, Is.EqualTo(new ChildHeader("P1", "Female", null, "White British", new DateOnly(2015, 3, 1),
            null, null, HasDisability: true, [])));
        Assert.That(child.Disabilities, Is.EqualTo(new[] { "Autism or Asperger syndrome", "Learning" }));
        Assert.That(await _queries.ChildAsync("P404"), Is.Null);
        Assert.That(await _queries.ChildAsync("(unknown)"), Is.Null, "the unknown member is nobody");
    }

    [Test]
    public async Task Every_fact_table_contributes_its_events_in_date_order_and_work_order_within_a_day()
    {
        var timeline = await _queries.TimelineAsync("P1");

        Assert.That(timeline.Select(e => $"{e.Date:yyyy-MM-dd} {e.Kind}"), Is.EqualTo(new[]
        {
            "2025-10-01 Early help", "2025-11-01 CIN plan", "2025-11-15 CIN visit", "2026-03-01 Contact", "2026-03-01 Referral",
            "2026-03-02 Allocation", "2026-03-02 Assessment", "2026-03-03 Strategy discussion", "2026-03-04 S47 enquiry", "2026-03-05 Oversight",
            "2026-03-18 ICPC", "2026-03-18 CP plan", "2026-03-25 CP visit", "2026-04-01 Care episode", "2026-04-01 Placement",
            "2026-04-01 Legal status", "2026-04-10 CLA visit", "2026-04-28 CLA review", "2026-05-01 Care leaver", "2026-05-02 Allocation",
            "2026-06-10 CP review",
        }));
    }

    [Test]
    public async Task Summaries_are_plain_english_with_codes_decoded_and_names_of_teams_and_workers()
    {
        var timeline = (await _queries.TimelineAsync("P1")).ToDictionary(e => e.EventId);

        Assert.That(timeline["C1"].Summary, Is.EqualTo("Contact from Police; led to a referral"));
        Assert.That(timeline["R1"], Is.EqualTo(new ChildEvent(new DateOnly(2026, 3, 1), "Referral", "Referral from Police; need: Abuse or neglect",
            "Assessment team", "Sam Social", null, "R1")));
        Assert.That(timeline["I1"], Is.EqualTo(new ChildEvent(new DateOnly(2026, 3, 2), "Allocation", "Allocated to Sam Social as Social worker in Assessment team",
            "Assessment team", "Sam Social", new DateOnly(2026, 3, 20), "I1")));
        Assert.That(timeline["I9"].Summary, Is.EqualTo("Allocated to an unknown worker"));
        Assert.That((timeline["I9"].TeamName, timeline["I9"].WorkerName), Is.EqualTo(((string?)null, (string?)null)), "the unknown member has no name");
        Assert.That(timeline["A1"].Summary, Is.EqualTo("Assessment started; child seen; authorised 10 Mar 2026"));
        Assert.That(timeline["M1"].Summary, Is.EqualTo("Strategy discussion; attended by Health, Police; invited but absent: Education"));
        Assert.That(timeline["S1"].Summary, Is.EqualTo("Section 47 enquiry; conference needed"));
        Assert.That((timeline["O1"].Summary, timeline["O1"].WorkerName), Is.EqualTo(("Supervision by Max Manager", "Max Manager")));
        Assert.That(timeline["IC1"].Summary, Is.EqualTo("Initial child protection conference; child protection plan made; held after its target date of 17 Mar 2026"));
        Assert.That(timeline["CP1"].Summary, Is.EqualTo("Child protection plan under Neglect; open"));
        Assert.That(timeline["V1"].Summary, Is.EqualTo("Child protection visit: child seen alone"));
        Assert.That(timeline["CV1"].Summary, Is.EqualTo("Child in need visit: child not seen"));
        Assert.That(timeline["RV1"].Summary, Is.EqualTo("Child protection review due, not held"));
        Assert.That(timeline["E1"].Summary, Is.EqualTo("Looked-after episode: Started to be looked after; need: Abuse or neglect"));
        Assert.That(timeline["PL1"].Summary, Is.EqualTo("Placement: Foster placement with other foster carer(s): not long-term or fostering for adoption with Acme Fostering; 12.5 miles from home"));
        Assert.That(timeline["LS1"].Summary, Is.EqualTo("Legal status: Interim care order"));
        Assert.That(timeline["CLV1"].Summary, Is.EqualTo("Looked-after visit: child seen, not alone"));
        Assert.That(timeline["P1"].Summary, Is.EqualTo("Care leaver, latest contact: In touch; accommodation: Independent living (suitable); " +
            "activity: Full-time education other than higher education"));
        Assert.That((timeline["EH1"].Summary, timeline["EH1"].WorkerName, timeline["EH1"].EndDate),
            Is.EqualTo(("Early help episode for Parenting with Family hub", "Sam Social", (DateOnly?)new DateOnly(2026, 1, 31))));
    }

    [Test]
    public async Task Another_childs_events_and_an_unknown_person_never_show()
    {
        Assert.That((await _queries.TimelineAsync("P2")).Select(e => e.EventId), Is.EqualTo(new[] { "I2" }));
        Assert.That(await _queries.TimelineAsync("P404"), Is.Empty);
        Assert.That(await _queries.TimelineAsync("(unknown)"), Is.Empty);
    }

    [Test]
    public async Task Exceptions_for_the_child_come_latest_month_first()
    {
        var exceptions = await _queries.ExceptionsForChildAsync("P1");

        Assert.That(exceptions.Select(e => (e.IndicatorId, e.Period, e.WhatDue, e.DueDate, e.DaysOverdue, e.TeamName)), Is.EqualTo(new[]
        {
            ("SEEN-01", "2026-03", "A visit", (DateOnly?)new DateOnly(2026, 3, 28), (int?)2, (string?)"Child protection team"),
            ("PLANS-01", "2026-02", "A plan review", new DateOnly(2026, 2, 20), 6, "Assessment team"),
        }));
    }

    [Test]
    public async Task Teams_for_the_child_are_every_known_team_that_worked_with_them()
    {
        Assert.That(await _queries.TeamsForChildAsync("P1"), Is.EqualTo(new[] { "T1", "T2" }));
        Assert.That(await _queries.TeamsForChildAsync("P2"), Is.EqualTo(new[] { "T3" }));
        Assert.That(await _queries.TeamsForChildAsync("P404"), Is.Empty);
    }
}

using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Ssd;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Indicators;

/// <summary>
/// Reads the warehouse's star schema back into the rows the indicator engine works on (<see cref="CaseFacts"/>):
/// every fact joined to its dimensions for the business ids (person_id, team_id, professional_id), date keys
/// as <see cref="DateOnly"/>, 1/0 flags as bool? (null when the source did not say). The unknown member (key
/// 0) reads as a null team or worker. Stateless; it works on the caller's open connection and transaction, so
/// the ETL reads its own uncommitted load and the CLI reads the last committed one.
/// </summary>
public static class CaseFactsReader
{
    private const string RunSql = "SELECT as_of_date FROM etl_load_run WHERE load_id = @load_id";

    private const string LatestRunSql = "SELECT MAX(load_id) FROM etl_load_run WHERE status = 'succeeded'";

    private const string WarningsSql = "SELECT source_table FROM etl_load_table WHERE load_id = @load_id AND warning IS NOT NULL";

    private const string ChildKeysSql = "SELECT person_id, child_key FROM dim_child WHERE child_key <> 0";

    private const string ChildrenSql = "SELECT person_id, date_of_birth, sex, has_disability FROM dim_child WHERE child_key <> 0";

    private const string TeamsSql = "SELECT team_id, team_name, service_area_id, service_area_name FROM dim_team WHERE team_key <> 0";

    private const string WorkerSpellsSql = """
        SELECT w.professional_id, w.worker_name, t.team_id, w.valid_from, w.valid_to
        FROM dim_worker w JOIN dim_team t ON t.team_key = w.team_key
        WHERE w.worker_key <> 0
        """;

    // Team and worker ids of an event: NULL for the unknown member.
    private const string TeamWorker = """
        CASE WHEN f.team_key = 0 THEN NULL ELSE t.team_id END, CASE WHEN f.worker_key = 0 THEN NULL ELSE w.professional_id END
        """;

    private const string JoinTeamWorker = " JOIN dim_team t ON t.team_key = f.team_key JOIN dim_worker w ON w.worker_key = f.worker_key";

    private const string JoinChild = " JOIN dim_child c ON c.child_key = f.child_key";

    private const string InvolvementsSql = "SELECT f.involvement_id, c.person_id, w.professional_id, CASE WHEN f.team_key = 0 THEN NULL ELSE t.team_id END, " +
        "f.start_date_key, f.end_date_key FROM fact_involvement f" + JoinChild + JoinTeamWorker;

    private const string ContactsSql = "SELECT f.contact_id, c.person_id, f.contact_date_key, f.is_new_referral, f.source_code FROM fact_contact f" + JoinChild;

    private const string ReferralsSql = "SELECT f.referral_id, c.person_id, f.referral_date_key, f.is_nfa, " + TeamWorker +
        ", f.close_date_key, f.source_code FROM fact_referral f" + JoinChild + JoinTeamWorker;

    private const string AssessmentsSql = "SELECT f.assessment_id, c.person_id, f.referral_id, f.start_date_key, f.auth_date_key, f.is_nfa, " +
        TeamWorker + " FROM fact_assessment f" + JoinChild + JoinTeamWorker;

    private const string CinPlansSql = "SELECT f.cin_plan_id, c.person_id, f.start_date_key, f.end_date_key, f.referral_id, " + TeamWorker +
        " FROM fact_cin_plan f" + JoinChild + JoinTeamWorker;

    private const string CinVisitsSql = "SELECT f.visit_id, c.person_id, f.visit_date_key, f.seen, f.seen_alone FROM fact_cin_visit f" + JoinChild;

    private const string S47Sql = "SELECT f.s47_id, c.person_id, f.start_date_key, f.end_date_key, f.referral_id, f.is_nfa, f.icpc_required, " +
        TeamWorker + " FROM fact_s47_enquiry f" + JoinChild + JoinTeamWorker;

    private const string StrategySql = "SELECT f.meeting_id, c.person_id, f.meeting_date_key, f.s47_id, f.police_attended, f.health_attended, " +
        "f.education_attended, f.agencies_invited, f.agencies_attended FROM fact_strategy_discussion f" + JoinChild;

    private const string AttendanceSql = "SELECT f.attendance_id, f.meeting_id, f.meeting_type, f.meeting_date_key, c.person_id, a.agency_code, " +
        "f.invited, f.attended, f.report_provided FROM fact_meeting_attendance f" + JoinChild + " JOIN dim_agency a ON a.agency_key = f.agency_key";

    private const string IcpcsSql = "SELECT f.icpc_id, c.person_id, f.icpc_date_key, f.s47_id, f.cp_plan_id, f.is_transfer_in, f.outcome_cp_plan, " +
        TeamWorker + ", f.meeting_id, f.referral_id FROM fact_icpc f" + JoinChild + JoinTeamWorker;

    private const string CpPlansSql = "SELECT f.cp_plan_id, c.person_id, f.start_date_key, f.end_date_key, f.icpc_id, f.referral_id FROM fact_cp_plan f" + JoinChild;

    private const string CpVisitsSql = "SELECT f.visit_id, f.cp_plan_id, c.person_id, f.visit_date_key, f.seen, f.seen_alone FROM fact_cp_visit f" + JoinChild;

    private const string CpReviewsSql = "SELECT f.review_id, f.cp_plan_id, c.person_id, f.due_date_key, f.review_date_key FROM fact_cp_review f" + JoinChild;

    private const string ClaEpisodesSql = "SELECT f.episode_id, f.cla_id, c.person_id, f.start_date_key, f.ceased_date_key, f.entered_care_date_key, " +
        "f.placement_id, f.start_reason FROM fact_cla_episode f" + JoinChild;

    private const string PlacementsSql = "SELECT f.placement_id, f.cla_id, c.person_id, f.start_date_key, f.end_date_key, f.placement_type FROM fact_placement f" + JoinChild;

    private const string ClaVisitsSql = "SELECT f.visit_id, f.cla_id, c.person_id, f.visit_date_key, f.seen, f.seen_alone FROM fact_cla_visit f" + JoinChild;

    private const string ClaReviewsSql = "SELECT f.review_id, f.cla_id, c.person_id, f.due_date_key, f.review_date_key, f.cancelled FROM fact_cla_review f" + JoinChild;

    private const string LegalStatusSql = "SELECT f.legal_status_id, c.person_id, f.legal_status, f.start_date_key, f.end_date_key FROM fact_legal_status f" + JoinChild;

    private const string CareLeaversSql = "SELECT f.person_id, f.eligibility, f.in_touch, f.latest_contact_date_key, f.accommodation, " +
        "f.accommodation_suitable, f.activity, f.pathway_plan_review_date_key, " + TeamWorker + " FROM fact_care_leaver_status f" + JoinTeamWorker;

    private const string OversightSql = "SELECT f.oversight_id, c.person_id, f.oversight_date_key, CASE WHEN f.manager_worker_key = 0 THEN NULL " +
        "ELSE w.professional_id END, f.oversight_type FROM fact_oversight f" + JoinChild + " JOIN dim_worker w ON w.worker_key = f.manager_worker_key";

    /// <summary>The source table each engine source is loaded from (for availability from etl_load_table).</summary>
    internal static readonly Dictionary<DataSource, string> SourceTables = new()
    {
        [DataSource.Contacts] = SsdSchema.Contacts.Name,
        [DataSource.Referrals] = SsdSchema.Referrals.Name,
        [DataSource.Involvements] = SsdSchema.Involvements.Name,
        [DataSource.Assessments] = SsdSchema.Assessments.Name,
        [DataSource.CinPlans] = SsdSchema.CinPlans.Name,
        [DataSource.CinVisits] = SsdSchema.CinVisits.Name,
        [DataSource.S47Enquiries] = SsdSchema.S47Enquiries.Name,
        [DataSource.MeetingAttendance] = SsdSchema.MeetingAttendance.Name,
        [DataSource.Icpcs] = SsdSchema.InitialConferences.Name,
        [DataSource.CpPlans] = SsdSchema.CpPlans.Name,
        [DataSource.CpVisits] = SsdSchema.CpVisits.Name,
        [DataSource.CpReviews] = SsdSchema.CpReviews.Name,
        [DataSource.ClaEpisodes] = SsdSchema.ClaEpisodes.Name,
        [DataSource.Placements] = SsdSchema.Placements.Name,
        [DataSource.ClaVisits] = SsdSchema.ClaVisits.Name,
        [DataSource.ClaReviews] = SsdSchema.ClaReviews.Name,
        [DataSource.CareLeavers] = SsdSchema.CareLeavers.Name,
        [DataSource.Oversight] = SsdSchema.ManagementOversight.Name,
    };

    /// <summary>
    /// Everything the engine needs, as loaded by run <paramref name="loadId"/> (null: the latest succeeded run).
    /// The extract date is the run's as-of date; a source whose table that run found absent or empty (the
    /// extension tables: etl_load_table.warning is set) is "not available". With no run recorded at all, every
    /// source counts as present and the extract date is the latest date in the rows.
    /// </summary>
    public static async Task<CaseFacts> ReadAsync(DbConnection connection, DbTransaction? transaction, long? loadId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        loadId ??= await ScalarAsync(connection, transaction, LatestRunSql, null, ct) is { } latest ? Convert.ToInt64(latest, CultureInfo.InvariantCulture) : null;
        var (extractDate, availability) = loadId is { } id ? await ReadRunAsync(connection, transaction, id, ct) : (null, DataAvailability.All);
        // Ids repeat across rows (a child's person_id on every event, team and worker ids, codes): one string
        // each, so a large council's facts fit in memory beside the engine's indexes.
        var pool = new StringPool();
        return new CaseFacts
        {
            Children = await ListAsync(connection, transaction, ChildrenSql,
                r => new Child(pool.Get(r, 0), r.IsDBNull(1) ? null : IsoText.ToDate(r.GetValue(1), "date_of_birth"), pool.Text(r, 2), Flag(r, 3) == true), ct),
            Teams = await ListAsync(connection, transaction, TeamsSql, r => new Team(pool.Get(r, 0), pool.Get(r, 1), pool.Text(r, 2), pool.Text(r, 3)), ct),
            WorkerSpells = await ListAsync(connection, transaction, WorkerSpellsSql, r => new WorkerSpell(pool.Get(r, 0), pool.Get(r, 1), pool.Get(r, 2),
                IsoText.ToDate(r.GetValue(3), "valid_from"), r.IsDBNull(4) ? null : IsoText.ToDate(r.GetValue(4), "valid_to")), ct),
            Involvements = await ListAsync(connection, transaction, InvolvementsSql,
                r => new Involvement(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), pool.Text(r, 3), Date(r, 4), NullableDate(r, 5)), ct),
            Contacts = await ListAsync(connection, transaction, ContactsSql,
                r => new Contact(r.GetString(0), pool.Get(r, 1), Date(r, 2), Flag(r, 3), pool.Text(r, 4)), ct),
            Referrals = await ListAsync(connection, transaction, ReferralsSql,
                r => new Referral(r.GetString(0), pool.Get(r, 1), Date(r, 2), Flag(r, 3), pool.Text(r, 4), pool.Text(r, 5), NullableDate(r, 6), pool.Text(r, 7)), ct),
            Assessments = await ListAsync(connection, transaction, AssessmentsSql,
                r => new Assessment(r.GetString(0), pool.Get(r, 1), pool.Text(r, 2), Date(r, 3), NullableDate(r, 4), Flag(r, 5), pool.Text(r, 6), pool.Text(r, 7)), ct),
            CinPlans = await ListAsync(connection, transaction, CinPlansSql,
                r => new CinPlan(r.GetString(0), pool.Get(r, 1), Date(r, 2), NullableDate(r, 3), pool.Text(r, 4), pool.Text(r, 5), pool.Text(r, 6)), ct),
            CinVisits = await ListAsync(connection, transaction, CinVisitsSql,
                r => new CinVisit(r.GetString(0), pool.Get(r, 1), Date(r, 2), Flag(r, 3), Flag(r, 4)), ct),
            S47Enquiries = await ListAsync(connection, transaction, S47Sql, r => new S47Enquiry(r.GetString(0), pool.Get(r, 1), Date(r, 2),
                NullableDate(r, 3), pool.Text(r, 4), Flag(r, 5), Flag(r, 6), pool.Text(r, 7), pool.Text(r, 8)), ct),
            StrategyDiscussions = await ListAsync(connection, transaction, StrategySql, r => new StrategyDiscussion(r.GetString(0), pool.Get(r, 1),
                Date(r, 2), pool.Text(r, 3), Flag(r, 4) == true, Flag(r, 5) == true, Flag(r, 6) == true, Int(r, 7), Int(r, 8)), ct),
            MeetingAttendance = await ListAsync(connection, transaction, AttendanceSql, r => new MeetingAttendance(r.GetString(0), pool.Get(r, 1),
                pool.Get(r, 2), Date(r, 3), pool.Get(r, 4), pool.Get(r, 5), Flag(r, 6), Flag(r, 7), Flag(r, 8)), ct),
            Icpcs = await ListAsync(connection, transaction, IcpcsSql, r => new Icpc(r.GetString(0), pool.Get(r, 1), Date(r, 2), pool.Text(r, 3), pool.Text(r, 4),
                Flag(r, 5) == true, Flag(r, 6), pool.Text(r, 7), pool.Text(r, 8), pool.Text(r, 9), pool.Text(r, 10)), ct),
            CpPlans = await ListAsync(connection, transaction, CpPlansSql,
                r => new CpPlan(r.GetString(0), pool.Get(r, 1), Date(r, 2), NullableDate(r, 3), pool.Text(r, 4), pool.Text(r, 5)), ct),
            CpVisits = await ListAsync(connection, transaction, CpVisitsSql,
                r => new CpVisit(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), Date(r, 3), Flag(r, 4), Flag(r, 5)), ct),
            CpReviews = await ListAsync(connection, transaction, CpReviewsSql,
                r => new CpReview(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), NullableDate(r, 3), NullableDate(r, 4)), ct),
            ClaEpisodes = await ListAsync(connection, transaction, ClaEpisodesSql, r => new ClaEpisode(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2),
                Date(r, 3), NullableDate(r, 4), NullableDate(r, 5), pool.Text(r, 6), pool.Text(r, 7)), ct),
            Placements = await ListAsync(connection, transaction, PlacementsSql,
                r => new Placement(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), Date(r, 3), NullableDate(r, 4), pool.Text(r, 5)), ct),
            ClaVisits = await ListAsync(connection, transaction, ClaVisitsSql,
                r => new ClaVisit(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), Date(r, 3), Flag(r, 4), Flag(r, 5)), ct),
            ClaReviews = await ListAsync(connection, transaction, ClaReviewsSql, r => new ClaReview(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2),
                NullableDate(r, 3), NullableDate(r, 4), Flag(r, 5) == true), ct),
            LegalStatuses = await ListAsync(connection, transaction, LegalStatusSql,
                r => new LegalStatus(r.GetString(0), pool.Get(r, 1), pool.Get(r, 2), Date(r, 3), NullableDate(r, 4)), ct),
            CareLeavers = await ListAsync(connection, transaction, CareLeaversSql, r => new CareLeaver(pool.Get(r, 0), pool.Text(r, 1), pool.Text(r, 2),
                NullableDate(r, 3), pool.Text(r, 4), Flag(r, 5), pool.Text(r, 6), NullableDate(r, 7), pool.Text(r, 8), pool.Text(r, 9)), ct),
            Oversight = await ListAsync(connection, transaction, OversightSql,
                r => new Oversight(r.GetString(0), pool.Get(r, 1), Date(r, 2), pool.Text(r, 3), pool.Text(r, 4)), ct),
            Availability = availability,
            ExtractDate = extractDate,
        };
    }

    /// <summary>
    /// What run <paramref name="loadId"/> says about its facts: its as-of date (the extract date) and which sources it
    /// found present (a table with a warning in etl_load_table, an absent or empty extension table, is not available).
    /// The nightly step uses this with facts it already holds (the rows it has just loaded) instead of reading them back.
    /// </summary>
    public static async Task<(DateOnly? ExtractDate, DataAvailability Availability)> ReadRunAsync(
        DbConnection connection, DbTransaction? transaction, long loadId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var warned = await ListAsync(connection, transaction, WarningsSql, r => r.GetString(0), ct, loadId);
        return await ReadRunAsync(connection, transaction, loadId, warned, ct);
    }

    /// <summary>
    /// <see cref="ReadRunAsync(DbConnection, DbTransaction?, long, CancellationToken)"/> with the source tables that carry a
    /// warning given by the caller instead of read from etl_load_table: the nightly run knows them once its sources are
    /// staged, before it writes that table, and builds the engine's input beside the swap. The run row and its returns
    /// (etl_load_return*) must already be written.
    /// </summary>
    public static async Task<(DateOnly? ExtractDate, DataAvailability Availability)> ReadRunAsync(
        DbConnection connection, DbTransaction? transaction, long loadId, IReadOnlyCollection<string> warned, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(warned);
        DateOnly? extractDate = null;
        if (await ScalarAsync(connection, transaction, RunSql, loadId, ct) is { } asOf) extractDate = IsoText.ToDate(asOf, "as_of_date");
        var availability = ReturnSources.Availability(SourceTables.Where(s => !warned.Contains(s.Value, StringComparer.OrdinalIgnoreCase)).Select(s => s.Key),
            await ReturnSources.ReadAsync(connection, transaction, loadId, ct), SourceTables);
        return (extractDate, availability);
    }

    /// <summary>person_id -> child_key for every known child (exception rows carry both).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ChildKeysAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await ListAsync(connection, transaction, ChildKeysSql, r => (Id: r.GetString(0), Key: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)), ct);
        var keys = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
        foreach (var (id, key) in rows) keys[id] = key;
        return keys;
    }

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map,
        CancellationToken ct, long? loadId = null)
    {
        await using var command = Command(connection, transaction, sql, loadId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, long? loadId, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql, loadId);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, long? loadId)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL; the only value (the load id) is a parameter
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        if (loadId is { } id)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@load_id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>One instance per distinct value for the duration of one read.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(DbDataReader r, int i)
        {
            var value = r.GetString(i);
            if (_strings.TryGetValue(value, out var pooled)) return pooled;
            _strings[value] = value;
            return value;
        }

        public string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : Get(r, i);
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static bool? Flag(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture) != 0;

    /// <summary>A yyyymmdd date key as a date.</summary>
    internal static DateOnly Date(DbDataReader r, int i) => FromKey(Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture));

    /// <summary>A nullable date key; NULL and the unknown member 0 read as null.</summary>
    private static DateOnly? NullableDate(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) return null;
        var key = Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
        return key == 0 ? null : FromKey(key);
    }

    private static DateOnly FromKey(int key) => key == 0 ? DateOnly.MinValue : new DateOnly(key / 10000, key / 100 % 100, key % 100);
}

using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Indicators.Model;
using Dashboard.Data.Indicators;
using Dashboard.Etl.Conform;
using Dashboard.Etl.Facts;

namespace Dashboard.Etl.Load;

/// <summary>
/// The engine's input (<see cref="CaseFacts"/>) collected from the rows this run stages, so the nightly indicator
/// step need not read 3.5 million facts back out of the warehouse (docs/performance.md). It works because the swap
/// makes every dim_ and fact_ table exactly its staging table (rows gone from staging are deleted, new or changed
/// ones inserted, unchanged ones kept with the same content): what <see cref="CaseFactsReader"/> would read after
/// the swap is what was staged. Each staged row is turned into the record the reader would have built from the
/// same columns and joins, value for value (IndicatorFeedEqualityTests runs both on the medium council):
/// surrogate keys back to business ids through the dimensions staged first, the unknown member (key 0) as the
/// reader's joins give it, date keys as dates, 1/0 as flags. Rows are offered on the thread that writes them (one
/// at a time); ids that repeat are pooled, as the reader pools them.
/// </summary>
internal sealed class LoadedFacts
{
    // The business id of every dimension's unknown member (key 0), as migration 0002 inserts it.
    private const string UnknownId = "(unknown)";

    private readonly Dictionary<string, Action<object?[]>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Func<string, int>, Action<object?[]>>> _pendingFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _personByChildKey = [];
    private readonly Dictionary<long, string> _teamByKey = [];
    private readonly Dictionary<long, string> _workerByKey = [];
    private readonly Dictionary<long, string> _agencyByKey = [];

    private readonly List<Child> _children = [];
    private readonly List<Team> _teams = [];
    private readonly List<WorkerSpell> _spells = [];
    private readonly List<Involvement> _involvements = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<Referral> _referrals = [];
    private readonly List<Assessment> _assessments = [];
    private readonly List<CinPlan> _cinPlans = [];
    private readonly List<CinVisit> _cinVisits = [];
    private readonly List<S47Enquiry> _s47s = [];
    private readonly List<StrategyDiscussion> _strategy = [];
    private readonly List<MeetingAttendance> _attendance = [];
    private readonly List<Icpc> _icpcs = [];
    private readonly List<CpPlan> _cpPlans = [];
    private readonly List<CpVisit> _cpVisits = [];
    private readonly List<CpReview> _cpReviews = [];
    private readonly List<ClaEpisode> _claEpisodes = [];
    private readonly List<Placement> _placements = [];
    private readonly List<ClaVisit> _claVisits = [];
    private readonly List<ClaReview> _claReviews = [];
    private readonly List<LegalStatus> _legal = [];
    private readonly List<CareLeaver> _careLeavers = [];
    private readonly List<Oversight> _oversight = [];

    /// <summary>Starts collecting; <paramref name="agencyKeys"/> is dim_agency (code -> key) as the run read it.</summary>
    public LoadedFacts(IReadOnlyDictionary<string, long> agencyKeys)
    {
        foreach (var (code, key) in agencyKeys) _agencyByKey[key] = code;
        _personByChildKey[0] = UnknownId;
        _teamByKey[0] = UnknownId;
        _workerByKey[0] = UnknownId;
        _agencyByKey.TryAdd(0, UnknownId);
        RegisterDimensions();
        RegisterFacts();
    }

    /// <summary>person_id -> child_key of every staged child (exception rows carry both).</summary>
    public Dictionary<string, long> ChildKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Takes one staged row of <paramref name="target"/> (tables the engine does not read are ignored).</summary>
    public void Offer(TargetTable target, object?[] row)
    {
        if (_handlers.TryGetValue(target.Name, out var handle)) handle(row);
    }

    /// <summary>The collected facts with the run's extract date and which sources it found present (<paramref name="warned"/>:
    /// the source tables whose etl_load_table row carries a warning; the run's returns must already be written). Call once,
    /// after the last row: what was only needed for collecting is let go.</summary>
    public async Task<CaseFacts> ToCaseFactsAsync(DbConnection connection, DbTransaction transaction, long loadId, IReadOnlyCollection<string> warned,
        CancellationToken ct)
    {
        var (extractDate, availability) = await CaseFactsReader.ReadRunAsync(connection, transaction, loadId, warned, ct);
        // The pool and the key maps were for building the records; the engine's peak need not carry them.
        _pool.Clear();
        _pool.TrimExcess();
        _personByChildKey.Clear();
        _workerByKey.Clear();
        _handlers.Clear();
        return new CaseFacts
        {
            Children = _children, Teams = _teams, WorkerSpells = _spells, Involvements = _involvements, Contacts = _contacts,
            Referrals = _referrals, Assessments = _assessments, CinPlans = _cinPlans, CinVisits = _cinVisits, S47Enquiries = _s47s,
            StrategyDiscussions = _strategy, MeetingAttendance = _attendance, Icpcs = _icpcs, CpPlans = _cpPlans, CpVisits = _cpVisits,
            CpReviews = _cpReviews, ClaEpisodes = _claEpisodes, Placements = _placements, ClaVisits = _claVisits, ClaReviews = _claReviews,
            LegalStatuses = _legal, CareLeavers = _careLeavers, Oversight = _oversight,
            Availability = availability,
            ExtractDate = extractDate,
        };
    }

    private void RegisterDimensions()
    {
        On(DimensionTables.Child, c =>
        {
            int key = c("child_key"), id = c("person_id"), dob = c("date_of_birth"), sex = c("sex"), disability = c("has_disability");
            return r =>
            {
                var childKey = Long(r[key]);
                if (childKey == 0) return;
                var person = Pool(r[id]);
                _personByChildKey[childKey] = person;
                ChildKeys[person] = childKey;
                _children.Add(new Child(person, IsoDate(r[dob]), PoolText(r[sex]), Flag(r[disability]) == true));
            };
        });
        On(DimensionTables.Team, c =>
        {
            int key = c("team_key"), id = c("team_id"), name = c("team_name"), area = c("service_area_id"), areaName = c("service_area_name");
            return r =>
            {
                var teamKey = Long(r[key]);
                if (teamKey == 0) return;
                var team = Pool(r[id]);
                _teamByKey[teamKey] = team;
                _teams.Add(new Team(team, Pool(r[name]), PoolText(r[area]), PoolText(r[areaName])));
            };
        });
        On(DimensionTables.Worker, c =>
        {
            int key = c("worker_key"), id = c("professional_id"), name = c("worker_name"), team = c("team_key"), from = c("valid_from"), to = c("valid_to");
            return r =>
            {
                var workerKey = Long(r[key]);
                if (workerKey == 0) return;
                var worker = Pool(r[id]);
                _workerByKey[workerKey] = worker;
                _spells.Add(new WorkerSpell(worker, Pool(r[name]), _teamByKey[Long(r[team])], IsoDate(r[from]) ?? throw Missing("valid_from"), IsoDate(r[to])));
            };
        });
    }

    private void RegisterFacts()
    {
        On("fact_involvement", c =>
        {
            int id = c("involvement_id"), child = c("child_key"), worker = c("worker_key"), team = c("team_key"), start = c("start_date_key"), end = c("end_date_key");
            // The reader takes this worker's id without the unknown member's CASE, so key 0 reads as "(unknown)".
            return r => _involvements.Add(new Involvement(Id(r[id]), Person(r[child]), _workerByKey[Long(r[worker])], TeamOrNull(r[team]), Date(r[start]), NullableDate(r[end])));
        });
        On("fact_contact", c =>
        {
            int id = c("contact_id"), child = c("child_key"), date = c("contact_date_key"), referral = c("is_new_referral"), source = c("source_code");
            return r => _contacts.Add(new Contact(Id(r[id]), Person(r[child]), Date(r[date]), Flag(r[referral]), PoolText(r[source])));
        });
        On("fact_referral", c =>
        {
            int id = c("referral_id"), child = c("child_key"), date = c("referral_date_key"), nfa = c("is_nfa"), team = c("team_key"), worker = c("worker_key"),
                close = c("close_date_key"), source = c("source_code");
            return r => _referrals.Add(new Referral(Id(r[id]), Person(r[child]), Date(r[date]), Flag(r[nfa]), TeamOrNull(r[team]), WorkerOrNull(r[worker]),
                NullableDate(r[close]), PoolText(r[source])));
        });
        On("fact_assessment", c =>
        {
            int id = c("assessment_id"), child = c("child_key"), referral = c("referral_id"), start = c("start_date_key"), auth = c("auth_date_key"), nfa = c("is_nfa"),
                team = c("team_key"), worker = c("worker_key");
            return r => _assessments.Add(new Assessment(Id(r[id]), Person(r[child]), PoolText(r[referral]), Date(r[start]), NullableDate(r[auth]), Flag(r[nfa]),
                TeamOrNull(r[team]), WorkerOrNull(r[worker])));
        });
        On("fact_cin_plan", c =>
        {
            int id = c("cin_plan_id"), child = c("child_key"), start = c("start_date_key"), end = c("end_date_key"), referral = c("referral_id"), team = c("team_key"),
                worker = c("worker_key");
            return r => _cinPlans.Add(new CinPlan(Id(r[id]), Person(r[child]), Date(r[start]), NullableDate(r[end]), PoolText(r[referral]), TeamOrNull(r[team]),
                WorkerOrNull(r[worker])));
        });
        On("fact_cin_visit", c =>
        {
            int id = c("visit_id"), child = c("child_key"), date = c("visit_date_key"), seen = c("seen"), alone = c("seen_alone");
            return r => _cinVisits.Add(new CinVisit(Id(r[id]), Person(r[child]), Date(r[date]), Flag(r[seen]), Flag(r[alone])));
        });
        On("fact_s47_enquiry", c =>
        {
            int id = c("s47_id"), child = c("child_key"), start = c("start_date_key"), end = c("end_date_key"), referral = c("referral_id"), nfa = c("is_nfa"),
                icpc = c("icpc_required"), team = c("team_key"), worker = c("worker_key");
            return r => _s47s.Add(new S47Enquiry(Id(r[id]), Person(r[child]), Date(r[start]), NullableDate(r[end]), PoolText(r[referral]), Flag(r[nfa]), Flag(r[icpc]),
                TeamOrNull(r[team]), WorkerOrNull(r[worker])));
        });
        On("fact_strategy_discussion", c =>
        {
            int id = c("meeting_id"), child = c("child_key"), date = c("meeting_date_key"), s47 = c("s47_id"), police = c("police_attended"), health = c("health_attended"),
                education = c("education_attended"), invited = c("agencies_invited"), attended = c("agencies_attended");
            return r => _strategy.Add(new StrategyDiscussion(Id(r[id]), Person(r[child]), Date(r[date]), PoolText(r[s47]), Flag(r[police]) == true,
                Flag(r[health]) == true, Flag(r[education]) == true, Int(r[invited]), Int(r[attended])));
        });
        On("fact_meeting_attendance", c =>
        {
            int id = c("attendance_id"), meeting = c("meeting_id"), type = c("meeting_type"), date = c("meeting_date_key"), child = c("child_key"), agency = c("agency_key"),
                invited = c("invited"), attended = c("attended"), report = c("report_provided");
            return r => _attendance.Add(new MeetingAttendance(Id(r[id]), Pool(r[meeting]), Pool(r[type]), Date(r[date]), Person(r[child]),
                _agencyByKey[Long(r[agency])], Flag(r[invited]), Flag(r[attended]), Flag(r[report])));
        });
        On("fact_icpc", c =>
        {
            int id = c("icpc_id"), child = c("child_key"), date = c("icpc_date_key"), s47 = c("s47_id"), plan = c("cp_plan_id"), transfer = c("is_transfer_in"),
                outcome = c("outcome_cp_plan"), team = c("team_key"), worker = c("worker_key"), meeting = c("meeting_id"), referral = c("referral_id");
            return r => _icpcs.Add(new Icpc(Id(r[id]), Person(r[child]), Date(r[date]), PoolText(r[s47]), PoolText(r[plan]), Flag(r[transfer]) == true, Flag(r[outcome]),
                TeamOrNull(r[team]), WorkerOrNull(r[worker]), PoolText(r[meeting]), PoolText(r[referral])));
        });
        On("fact_cp_plan", c =>
        {
            int id = c("cp_plan_id"), child = c("child_key"), start = c("start_date_key"), end = c("end_date_key"), icpc = c("icpc_id"), referral = c("referral_id");
            return r => _cpPlans.Add(new CpPlan(Id(r[id]), Person(r[child]), Date(r[start]), NullableDate(r[end]), PoolText(r[icpc]), PoolText(r[referral])));
        });
        On("fact_cp_visit", c =>
        {
            int id = c("visit_id"), plan = c("cp_plan_id"), child = c("child_key"), date = c("visit_date_key"), seen = c("seen"), alone = c("seen_alone");
            return r => _cpVisits.Add(new CpVisit(Id(r[id]), Pool(r[plan]), Person(r[child]), Date(r[date]), Flag(r[seen]), Flag(r[alone])));
        });
        On("fact_cp_review", c =>
        {
            int id = c("review_id"), plan = c("cp_plan_id"), child = c("child_key"), due = c("due_date_key"), held = c("review_date_key");
            return r => _cpReviews.Add(new CpReview(Id(r[id]), Pool(r[plan]), Person(r[child]), NullableDate(r[due]), NullableDate(r[held])));
        });
        On("fact_cla_episode", c =>
        {
            int id = c("episode_id"), cla = c("cla_id"), child = c("child_key"), start = c("start_date_key"), ceased = c("ceased_date_key"),
                entered = c("entered_care_date_key"), placement = c("placement_id"), reason = c("start_reason");
            return r => _claEpisodes.Add(new ClaEpisode(Id(r[id]), Pool(r[cla]), Person(r[child]), Date(r[start]), NullableDate(r[ceased]), NullableDate(r[entered]),
                PoolText(r[placement]), PoolText(r[reason])));
        });
        On("fact_placement", c =>
        {
            int id = c("placement_id"), cla = c("cla_id"), child = c("child_key"), start = c("start_date_key"), end = c("end_date_key"), type = c("placement_type");
            return r => _placements.Add(new Placement(Id(r[id]), Pool(r[cla]), Person(r[child]), Date(r[start]), NullableDate(r[end]), PoolText(r[type])));
        });
        On("fact_cla_visit", c =>
        {
            int id = c("visit_id"), cla = c("cla_id"), child = c("child_key"), date = c("visit_date_key"), seen = c("seen"), alone = c("seen_alone");
            return r => _claVisits.Add(new ClaVisit(Id(r[id]), Pool(r[cla]), Person(r[child]), Date(r[date]), Flag(r[seen]), Flag(r[alone])));
        });
        On("fact_cla_review", c =>
        {
            int id = c("review_id"), cla = c("cla_id"), child = c("child_key"), due = c("due_date_key"), held = c("review_date_key"), cancelled = c("cancelled");
            return r => _claReviews.Add(new ClaReview(Id(r[id]), Pool(r[cla]), Person(r[child]), NullableDate(r[due]), NullableDate(r[held]), Flag(r[cancelled]) == true));
        });
        On("fact_legal_status", c =>
        {
            int id = c("legal_status_id"), child = c("child_key"), status = c("legal_status"), start = c("start_date_key"), end = c("end_date_key");
            return r => _legal.Add(new LegalStatus(Id(r[id]), Person(r[child]), Pool(r[status]), Date(r[start]), NullableDate(r[end])));
        });
        On("fact_care_leaver_status", c =>
        {
            int person = c("person_id"), eligibility = c("eligibility"), inTouch = c("in_touch"), contact = c("latest_contact_date_key"), accommodation = c("accommodation"),
                suitable = c("accommodation_suitable"), activity = c("activity"), pathway = c("pathway_plan_review_date_key"), team = c("team_key"), worker = c("worker_key");
            return r => _careLeavers.Add(new CareLeaver(Pool(r[person]), PoolText(r[eligibility]), PoolText(r[inTouch]), NullableDate(r[contact]), PoolText(r[accommodation]),
                Flag(r[suitable]), PoolText(r[activity]), NullableDate(r[pathway]), TeamOrNull(r[team]), WorkerOrNull(r[worker])));
        });
        On("fact_oversight", c =>
        {
            int id = c("oversight_id"), child = c("child_key"), date = c("oversight_date_key"), manager = c("manager_worker_key"), type = c("oversight_type");
            return r => _oversight.Add(new Oversight(Id(r[id]), Person(r[child]), Date(r[date]), WorkerOrNull(r[manager]), PoolText(r[type])));
        });
    }

    private void On(TargetTable table, Func<Func<string, int>, Action<object?[]>> build) => _handlers[table.Name] = build(Ordinals(table.Name, table.Columns));

    // Fact targets are built per run by FactCatalogue; their handlers are bound to its column order by Bind.
    private void On(string table, Func<Func<string, int>, Action<object?[]>> build) => _pendingFacts[table] = build;

    /// <summary>Binds the fact handlers to the run's fact targets (their column order); call once the maps are built.</summary>
    public void Bind(IEnumerable<TargetTable> targets)
    {
        foreach (var target in targets)
        {
            if (_pendingFacts.TryGetValue(target.Name, out var build)) _handlers[target.Name] = build(Ordinals(target.Name, target.Columns));
        }
        var unbound = _pendingFacts.Keys.Where(k => !_handlers.ContainsKey(k)).ToList();
        if (unbound.Count > 0) throw new InvalidOperationException($"No staged target for {string.Join(", ", unbound)}.");
    }

    private static Func<string, int> Ordinals(string table, IReadOnlyList<string> columns) => name =>
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name) return i;
        }
        throw new InvalidOperationException($"{table} has no column {name}.");
    };

    private string Person(object? childKey) => _personByChildKey[Long(childKey)];

    private string? TeamOrNull(object? key) => Long(key) is var k && k == 0 ? null : _teamByKey[k];

    private string? WorkerOrNull(object? key) => Long(key) is var k && k == 0 ? null : _workerByKey[k];

    private static string Id(object? value) => (string)(value ?? throw Missing("id"));

    private string Pool(object? value)
    {
        var text = (string)(value ?? throw Missing("value"));
        if (_pool.TryGetValue(text, out var pooled)) return pooled;
        _pool[text] = text;
        return text;
    }

    private string? PoolText(object? value) => value is null ? null : Pool(value);

    private static long Long(object? value) => Convert.ToInt64(value ?? throw Missing("key"), CultureInfo.InvariantCulture);

    private static int Int(object? value) => Convert.ToInt32(value ?? throw Missing("count"), CultureInfo.InvariantCulture);

    private static bool? Flag(object? value) => value switch
    {
        null => null,
        bool b => b,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
    };

    private static DateOnly? IsoDate(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A dimension date is a {value.GetType().Name}, not ISO text."),
    };

    // Date keys as the reader turns them into dates: 0 is the unknown date (MinValue when required, null when optional).
    private static DateOnly Date(object? key) => FromKey(Long(key));

    private static DateOnly? NullableDate(object? key) => key is null || Long(key) == 0 ? null : FromKey(Long(key));

    private static DateOnly FromKey(long key) => key == 0 ? DateOnly.MinValue : new DateOnly((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));

    private static InvalidOperationException Missing(string what) => new($"A staged row has no {what} where the warehouse requires one.");
}

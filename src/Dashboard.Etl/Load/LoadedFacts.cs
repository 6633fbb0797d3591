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
/// <para>
/// A dimension's rows become records as they come (a few hundred thousand, and the facts need their ids to resolve
/// keys). A fact's rows are only kept, as primitive slots (<see cref="CapturedRows"/>), and become records in
/// <see cref="ToCaseFacts"/>, on the feed's thread beside the swap: records and strings made while staging lived
/// through the whole phase and cost the large council about a second of collection pauses (docs/performance.md).
/// </para>
/// </summary>
internal sealed class LoadedFacts
{
    // The business id of every dimension's unknown member (key 0), as migration 0002 inserts it.
    private const string UnknownId = "(unknown)";

    private readonly Dictionary<string, Action<object?[]>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<CapturedRows, Action<CapturedRow>>> _pendingFacts = new(StringComparer.Ordinal);
    private readonly List<(CapturedRows Rows, Action<CapturedRow> Build)> _captured = [];
    private readonly CapturedTexts _texts = new();
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

    /// <summary>Builds the facts' records from the kept rows (table by table, letting each table's slots go as it is
    /// built) and returns the engine's input, with the run's extract date and availability as
    /// <see cref="CaseFactsReader.ReadRunAsync(DbConnection, DbTransaction?, long, IReadOnlyCollection{string}, CancellationToken)"/>
    /// read them. Call once, after the last row, on any one thread: what was only needed for collecting is let go.</summary>
    public CaseFacts ToCaseFacts((DateOnly? ExtractDate, DataAvailability Availability) run)
    {
        _handlers.Clear();
        foreach (var (rows, build) in _captured) rows.Build(build);
        _captured.Clear();
        _texts.Clear();
        // The pool and the key maps were for building the records; the engine's peak need not carry them.
        _pool.Clear();
        _pool.TrimExcess();
        _personByChildKey.Clear();
        _workerByKey.Clear();
        var (extractDate, availability) = run;
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
        Fact("fact_involvement", c =>
        {
            int id = c.Id("involvement_id"), child = c.Value("child_key"), worker = c.Value("worker_key"), team = c.Value("team_key"),
                start = c.Value("start_date_key"), end = c.Value("end_date_key");
            // The reader takes this worker's id without the unknown member's CASE, so key 0 reads as "(unknown)".
            return r => _involvements.Add(new Involvement(r.Id(id), Person(r, child), _workerByKey[r.Long(worker)], TeamOrNull(r, team), Date(r, start),
                NullableDate(r, end)));
        });
        Fact("fact_contact", c =>
        {
            int id = c.Id("contact_id"), child = c.Value("child_key"), date = c.Value("contact_date_key"), referral = c.Value("is_new_referral"),
                source = c.Text("source_code");
            return r => _contacts.Add(new Contact(r.Id(id), Person(r, child), Date(r, date), r.Flag(referral), r.Text(source)));
        });
        Fact("fact_referral", c =>
        {
            int id = c.Id("referral_id"), child = c.Value("child_key"), date = c.Value("referral_date_key"), nfa = c.Value("is_nfa"), team = c.Value("team_key"),
                worker = c.Value("worker_key"), close = c.Value("close_date_key"), source = c.Text("source_code");
            return r => _referrals.Add(new Referral(r.Id(id), Person(r, child), Date(r, date), r.Flag(nfa), TeamOrNull(r, team), WorkerOrNull(r, worker),
                NullableDate(r, close), r.Text(source)));
        });
        Fact("fact_assessment", c =>
        {
            int id = c.Id("assessment_id"), child = c.Value("child_key"), referral = c.Text("referral_id"), start = c.Value("start_date_key"),
                auth = c.Value("auth_date_key"), nfa = c.Value("is_nfa"), team = c.Value("team_key"), worker = c.Value("worker_key");
            return r => _assessments.Add(new Assessment(r.Id(id), Person(r, child), r.Text(referral), Date(r, start), NullableDate(r, auth), r.Flag(nfa),
                TeamOrNull(r, team), WorkerOrNull(r, worker)));
        });
        Fact("fact_cin_plan", c =>
        {
            int id = c.Id("cin_plan_id"), child = c.Value("child_key"), start = c.Value("start_date_key"), end = c.Value("end_date_key"),
                referral = c.Text("referral_id"), team = c.Value("team_key"), worker = c.Value("worker_key");
            return r => _cinPlans.Add(new CinPlan(r.Id(id), Person(r, child), Date(r, start), NullableDate(r, end), r.Text(referral), TeamOrNull(r, team),
                WorkerOrNull(r, worker)));
        });
        Fact("fact_cin_visit", c =>
        {
            int id = c.Id("visit_id"), child = c.Value("child_key"), date = c.Value("visit_date_key"), seen = c.Value("seen"), alone = c.Value("seen_alone");
            return r => _cinVisits.Add(new CinVisit(r.Id(id), Person(r, child), Date(r, date), r.Flag(seen), r.Flag(alone)));
        });
        Fact("fact_s47_enquiry", c =>
        {
            int id = c.Id("s47_id"), child = c.Value("child_key"), start = c.Value("start_date_key"), end = c.Value("end_date_key"), referral = c.Text("referral_id"),
                nfa = c.Value("is_nfa"), icpc = c.Value("icpc_required"), team = c.Value("team_key"), worker = c.Value("worker_key");
            return r => _s47s.Add(new S47Enquiry(r.Id(id), Person(r, child), Date(r, start), NullableDate(r, end), r.Text(referral), r.Flag(nfa), r.Flag(icpc),
                TeamOrNull(r, team), WorkerOrNull(r, worker)));
        });
        Fact("fact_strategy_discussion", c =>
        {
            int id = c.Id("meeting_id"), child = c.Value("child_key"), date = c.Value("meeting_date_key"), s47 = c.Text("s47_id"),
                police = c.Value("police_attended"), health = c.Value("health_attended"), education = c.Value("education_attended"),
                invited = c.Value("agencies_invited"), attended = c.Value("agencies_attended");
            return r => _strategy.Add(new StrategyDiscussion(r.Id(id), Person(r, child), Date(r, date), r.Text(s47), r.Flag(police) == true,
                r.Flag(health) == true, r.Flag(education) == true, r.Int(invited), r.Int(attended)));
        });
        Fact("fact_meeting_attendance", c =>
        {
            int id = c.Id("attendance_id"), meeting = c.Text("meeting_id"), type = c.Text("meeting_type"), date = c.Value("meeting_date_key"),
                child = c.Value("child_key"), agency = c.Value("agency_key"), invited = c.Value("invited"), attended = c.Value("attended"),
                report = c.Value("report_provided");
            return r => _attendance.Add(new MeetingAttendance(r.Id(id), r.RequiredText(meeting), r.RequiredText(type), Date(r, date), Person(r, child),
                _agencyByKey[r.Long(agency)], r.Flag(invited), r.Flag(attended), r.Flag(report)));
        });
        Fact("fact_icpc", c =>
        {
            int id = c.Id("icpc_id"), child = c.Value("child_key"), date = c.Value("icpc_date_key"), s47 = c.Text("s47_id"), plan = c.Text("cp_plan_id"),
                transfer = c.Value("is_transfer_in"), outcome = c.Value("outcome_cp_plan"), team = c.Value("team_key"), worker = c.Value("worker_key"),
                meeting = c.Text("meeting_id"), referral = c.Text("referral_id");
            return r => _icpcs.Add(new Icpc(r.Id(id), Person(r, child), Date(r, date), r.Text(s47), r.Text(plan), r.Flag(transfer) == true, r.Flag(outcome),
                TeamOrNull(r, team), WorkerOrNull(r, worker), r.Text(meeting), r.Text(referral)));
        });
        Fact("fact_cp_plan", c =>
        {
            int id = c.Id("cp_plan_id"), child = c.Value("child_key"), start = c.Value("start_date_key"), end = c.Value("end_date_key"), icpc = c.Text("icpc_id"),
                referral = c.Text("referral_id");
            return r => _cpPlans.Add(new CpPlan(r.Id(id), Person(r, child), Date(r, start), NullableDate(r, end), r.Text(icpc), r.Text(referral)));
        });
        Fact("fact_cp_visit", c =>
        {
            int id = c.Id("visit_id"), plan = c.Text("cp_plan_id"), child = c.Value("child_key"), date = c.Value("visit_date_key"), seen = c.Value("seen"),
                alone = c.Value("seen_alone");
            return r => _cpVisits.Add(new CpVisit(r.Id(id), r.RequiredText(plan), Person(r, child), Date(r, date), r.Flag(seen), r.Flag(alone)));
        });
        Fact("fact_cp_review", c =>
        {
            int id = c.Id("review_id"), plan = c.Text("cp_plan_id"), child = c.Value("child_key"), due = c.Value("due_date_key"), held = c.Value("review_date_key");
            return r => _cpReviews.Add(new CpReview(r.Id(id), r.RequiredText(plan), Person(r, child), NullableDate(r, due), NullableDate(r, held)));
        });
        Fact("fact_cla_episode", c =>
        {
            int id = c.Id("episode_id"), cla = c.Text("cla_id"), child = c.Value("child_key"), start = c.Value("start_date_key"), ceased = c.Value("ceased_date_key"),
                entered = c.Value("entered_care_date_key"), placement = c.Text("placement_id"), reason = c.Text("start_reason");
            return r => _claEpisodes.Add(new ClaEpisode(r.Id(id), r.RequiredText(cla), Person(r, child), Date(r, start), NullableDate(r, ceased),
                NullableDate(r, entered), r.Text(placement), r.Text(reason)));
        });
        Fact("fact_placement", c =>
        {
            int id = c.Id("placement_id"), cla = c.Text("cla_id"), child = c.Value("child_key"), start = c.Value("start_date_key"), end = c.Value("end_date_key"),
                type = c.Text("placement_type");
            return r => _placements.Add(new Placement(r.Id(id), r.RequiredText(cla), Person(r, child), Date(r, start), NullableDate(r, end), r.Text(type)));
        });
        Fact("fact_cla_visit", c =>
        {
            int id = c.Id("visit_id"), cla = c.Text("cla_id"), child = c.Value("child_key"), date = c.Value("visit_date_key"), seen = c.Value("seen"),
                alone = c.Value("seen_alone");
            return r => _claVisits.Add(new ClaVisit(r.Id(id), r.RequiredText(cla), Person(r, child), Date(r, date), r.Flag(seen), r.Flag(alone)));
        });
        Fact("fact_cla_review", c =>
        {
            int id = c.Id("review_id"), cla = c.Text("cla_id"), child = c.Value("child_key"), due = c.Value("due_date_key"), held = c.Value("review_date_key"),
                cancelled = c.Value("cancelled");
            return r => _claReviews.Add(new ClaReview(r.Id(id), r.RequiredText(cla), Person(r, child), NullableDate(r, due), NullableDate(r, held),
                r.Flag(cancelled) == true));
        });
        Fact("fact_legal_status", c =>
        {
            int id = c.Id("legal_status_id"), child = c.Value("child_key"), status = c.Text("legal_status"), start = c.Value("start_date_key"),
                end = c.Value("end_date_key");
            return r => _legal.Add(new LegalStatus(r.Id(id), Person(r, child), r.RequiredText(status), Date(r, start), NullableDate(r, end)));
        });
        Fact("fact_care_leaver_status", c =>
        {
            int person = c.Text("person_id"), eligibility = c.Text("eligibility"), inTouch = c.Text("in_touch"), contact = c.Value("latest_contact_date_key"),
                accommodation = c.Text("accommodation"), suitable = c.Value("accommodation_suitable"), activity = c.Text("activity"),
                pathway = c.Value("pathway_plan_review_date_key"), team = c.Value("team_key"), worker = c.Value("worker_key");
            return r => _careLeavers.Add(new CareLeaver(r.RequiredText(person), r.Text(eligibility), r.Text(inTouch), NullableDate(r, contact), r.Text(accommodation),
                r.Flag(suitable), r.Text(activity), NullableDate(r, pathway), TeamOrNull(r, team), WorkerOrNull(r, worker)));
        });
        Fact("fact_oversight", c =>
        {
            int id = c.Id("oversight_id"), child = c.Value("child_key"), date = c.Value("oversight_date_key"), manager = c.Value("manager_worker_key"),
                type = c.Text("oversight_type");
            return r => _oversight.Add(new Oversight(r.Id(id), Person(r, child), Date(r, date), WorkerOrNull(r, manager), r.Text(type)));
        });
    }

    private void On(TargetTable table, Func<Func<string, int>, Action<object?[]>> build) => _handlers[table.Name] = build(Ordinals(table.Name, table.Columns));

    // Fact targets are built per run by FactCatalogue; Bind declares, in its column order, what each keeps of a row
    // (CapturedRows), and `build` turns a kept row into its record once staging is over.
    private void Fact(string table, Func<CapturedRows, Action<CapturedRow>> build) => _pendingFacts[table] = build;

    /// <summary>Binds the fact handlers to the run's fact targets (their column order); call once the maps are built.</summary>
    public void Bind(IEnumerable<TargetTable> targets)
    {
        foreach (var target in targets)
        {
            if (!_pendingFacts.TryGetValue(target.Name, out var declare)) continue;
            var rows = new CapturedRows(target.Name, target.Columns, _texts);
            _captured.Add((rows, declare(rows)));
            _handlers[target.Name] = rows.Add;
        }
        var unbound = _pendingFacts.Keys.Where(k => !_handlers.ContainsKey(k)).ToList();
        if (unbound.Count > 0) throw new InvalidOperationException($"No staged target for {string.Join(", ", unbound)}.");
    }

    private static Func<string, int> Ordinals(string table, IReadOnlyList<string> columns) => name => ColumnOrdinal.Of(table, columns, name);

    private string Person(CapturedRow row, int childKey) => _personByChildKey[row.Long(childKey)];

    private string? TeamOrNull(CapturedRow row, int key) => row.Long(key) is var k && k == 0 ? null : _teamByKey[k];

    private string? WorkerOrNull(CapturedRow row, int key) => row.Long(key) is var k && k == 0 ? null : _workerByKey[k];

    private string Pool(object? value)
    {
        var text = (string)(value ?? throw Missing("value"));
        if (_pool.TryGetValue(text, out var pooled)) return pooled;
        _pool[text] = text;
        return text;
    }

    private string? PoolText(object? value) => value is null ? null : Pool(value);

    private static long Long(object? value) => Convert.ToInt64(value ?? throw Missing("key"), CultureInfo.InvariantCulture);

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
    private static DateOnly Date(CapturedRow row, int key) => FromKey(row.Long(key));

    private static DateOnly? NullableDate(CapturedRow row, int key) => row.NullableLong(key) is { } k && k != 0 ? FromKey(k) : null;

    private static DateOnly FromKey(long key) => key == 0 ? DateOnly.MinValue : new DateOnly((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));

    private static InvalidOperationException Missing(string what) => new($"A staged row has no {what} where the warehouse requires one.");
}

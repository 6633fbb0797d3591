using Dapper;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Children;
using Dashboard.Data.Locking;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.SqlClient;

namespace Dashboard.Data.Tests.SqlServer;

/// <summary>
/// The same warehouse on a real SQL Server: migrations, seeding, bulk writer, staging, lock and audit reads.
/// Runs only where DASHBOARD_SQLSERVER holds a connection string to a server on which the login may create a
/// database; each run creates a fresh database named dashboard_test_&lt;guid&gt; and drops it afterwards.
/// Skipped (visibly) everywhere else.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SqlServerWarehouseTests
{
    private string _serverConnectionString = "";
    private string _database = "";
    private IConnectionFactory _connections = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        var configured = Environment.GetEnvironmentVariable("DASHBOARD_SQLSERVER");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Assert.Ignore("SQL Server tests skipped: set DASHBOARD_SQLSERVER to a connection string to run them.");
        }
        _database = "dashboard_test_" + Guid.NewGuid().ToString("N");
        _serverConnectionString = new SqlConnectionStringBuilder(configured) { InitialCatalog = "master", Pooling = false }.ConnectionString;
        await using (var master = new SqlConnection(_serverConnectionString))
        {
            await master.OpenAsync();
            await master.ExecuteAsync($"CREATE DATABASE [{_database}]");
        }
        var target = new DatabaseTarget(DatabaseProvider.SqlServer,
            new SqlConnectionStringBuilder(configured) { InitialCatalog = _database }.ConnectionString);
        _connections = Warehouse.Connect(target);
        await WarehouseSetup.PrepareAsync(_connections);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database.Length == 0) return;
        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(_serverConnectionString);
        await master.OpenAsync();
        await master.ExecuteAsync($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];");
    }

    [Test]
    public async Task Migrations_are_recorded_and_a_second_prepare_applies_nothing()
    {
        Assert.That(await _connections.ScalarAsync<int>("SELECT COUNT(*) FROM etl_schema_migration"), Is.EqualTo(5));
        Assert.That(await WarehouseSetup.PrepareAsync(_connections), Is.Empty);
    }

    [Test]
    public async Task Dim_date_and_the_seeded_dimensions_match_the_sqlite_warehouse()
    {
        Assert.That(await _connections.ScalarAsync<int>("SELECT COUNT(*) FROM dim_date WHERE date_key <> 0"), Is.EqualTo(14_976));
        Assert.That(await _connections.ScalarAsync<int>(
            "SELECT working_day_number FROM dim_date WHERE date_key = 20240402") -
            await _connections.ScalarAsync<int>("SELECT working_day_number FROM dim_date WHERE date_key = 20240328"), Is.EqualTo(1));
        Assert.That(await _connections.ScalarAsync<int>("SELECT is_bank_holiday FROM dim_date WHERE calendar_date = '2022-09-19'"), Is.EqualTo(1));
        Assert.That(await _connections.ScalarAsync<string>("SELECT financial_year FROM dim_date WHERE date_key = 20250331"), Is.EqualTo("2024-25"));
        Assert.That(await _connections.ScalarAsync<int>("SELECT COUNT(*) FROM dim_agency"), Is.EqualTo(8));
        Assert.That(await _connections.ScalarAsync<int>("SELECT MAX(team_key) FROM dim_team"), Is.Zero, "unknown member inserted with IDENTITY_INSERT");
    }

    [Test]
    public async Task The_bulk_writer_streams_a_hundred_thousand_rows_with_types_and_nulls()
    {
        await using var connection = await _connections.OpenAsync();
        await connection.ExecuteAsync("""
            DROP TABLE IF EXISTS bulk_probe;
            CREATE TABLE bulk_probe (id INT NOT NULL, name NVARCHAR(64) NOT NULL, big BIGINT NULL, ratio FLOAT NULL,
                                     flag INT NULL, day DATE NULL, stamp DATETIMEOFFSET(3) NULL, "rule" NVARCHAR(64) NULL);
            """);
        string[] columns = ["id", "name", "big", "ratio", "flag", "day", "stamp", "rule"];
        var rows = Enumerable.Range(0, 100_000).Select(i => new object?[]
        {
            i, $"row {i}", i % 5 == 0 ? null : 3_000_000_000L + i, i / 4.0, i % 2 == 0, new DateOnly(2024, 1, 1).AddDays(i % 366),
            "2026-11-23T01:02:03.456Z", i % 3 == 0 ? null : "required",
        });

        var written = await Warehouse.BulkWriter(DatabaseProvider.SqlServer).WriteAsync(connection, null, "bulk_probe", columns, rows);

        Assert.That(written, Is.EqualTo(100_000));
        var (count, flags, nullBig, lastDay) = (await connection.QueryAsync<(int, int, int, DateTime)>(
            "SELECT COUNT(*), SUM(flag), SUM(CASE WHEN big IS NULL THEN 1 ELSE 0 END), MAX(day) FROM bulk_probe")).Single();
        Assert.That((count, flags, nullBig, lastDay), Is.EqualTo((100_000, 50_000, 20_000, new DateTime(2024, 12, 31))));
    }

    [Test]
    public async Task A_staging_table_keeps_the_keys_it_is_given_and_drops_cleanly()
    {
        await using var connection = await _connections.OpenAsync();
        var (sql, staging) = _connections.Dialect.CreateStagingLike("dim_team", "stg_team");
        await connection.ExecuteAsync(sql);

        await Warehouse.BulkWriter(DatabaseProvider.SqlServer).WriteAsync(connection, null, staging,
            ["team_key", "team_id", "team_name", "service_area_id", "service_area_name", "load_id", "row_hash"],
            [[7, "T7", "Team seven", null, null, 1L, 99L]]);

        Assert.That(await connection.ExecuteScalarAsync<int>($"SELECT team_key FROM {staging}"), Is.EqualTo(7));
        await connection.ExecuteAsync(_connections.Dialect.DropStaging(staging));
    }

    [Test]
    public async Task The_lock_admits_one_holder_until_release_or_expiry()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var first = await WarehouseLock.TryAcquireAsync(_connections, "sqlserver-test", "a", TimeSpan.FromMinutes(5), time);
        Assert.That(await WarehouseLock.TryAcquireAsync(_connections, "sqlserver-test", "b", TimeSpan.FromMinutes(5), time), Is.Null);
        time.Advance(TimeSpan.FromMinutes(5));
        await using var second = await WarehouseLock.TryAcquireAsync(_connections, "sqlserver-test", "b", TimeSpan.FromMinutes(5), time);
        await first!.DisposeAsync();

        Assert.That(second, Is.Not.Null);
        Assert.That((await WarehouseLock.CurrentHolderAsync(_connections, "sqlserver-test", time))!.Holder, Is.EqualTo("b"));
    }

    [Test]
    public async Task Audit_rows_written_with_iso_text_read_back_typed()
    {
        await using var connection = await _connections.OpenAsync();
        var loadId = await connection.ExecuteScalarAsync<long>(_connections.Dialect.InsertReturningKey("etl_load_run",
            ["started_at", "status", "trigger_kind", "source_provider", "source_description", "as_of_date", "host_name"], "load_id"),
            new
            {
                started_at = "2026-11-23T01:00:00.000Z", status = "succeeded", trigger_kind = "manual", source_provider = "csv",
                source_description = "files", as_of_date = "2026-11-23", host_name = "test",
            });
        await connection.ExecuteAsync("""
            INSERT INTO etl_quarantine (load_id, source_table, business_key, field, value, "rule", message, row_json)
            VALUES (@loadId, 'ssd_person', 'P1', 'dob', 'x', 'date_unparseable', 'Not a date', '{}')
            """, new { loadId });

        var queries = new LoadAuditQueries(_connections);
        var run = await queries.LastSucceededAsync();
        var summary = await queries.QuarantineSummaryAsync(loadId);

        Assert.That(run!.StartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)));
        Assert.That(run.AsOfDate, Is.EqualTo(new DateOnly(2026, 11, 23)));
        Assert.That(summary, Is.EqualTo(new[] { ("ssd_person", "date_unparseable", 1L) }));
        Assert.That((await queries.QuarantineAsync(null, null, 10)).Single().Rule, Is.EqualTo("date_unparseable"));
    }

    [Test]
    public async Task The_app_stores_and_the_child_timeline_run_on_sql_server()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var users = new UserStore(_connections, new ManualTime(now));
        await users.AddAsync(new NewUser("Sql.User", "Sql User", AppRole.Manager, "hash", Teams: ["T1"]));
        Assert.That(() => users.AddAsync(new NewUser("SQL.USER", "Again", AppRole.Admin, "hash")), Throws.TypeOf<DuplicateUserException>());
        var locked = await users.RecordFailedSignInAsync("sql.user", now, 1, TimeSpan.FromMinutes(15));
        var user = (await users.FindAsync("SQL.user"))!;

        var audit = new AuditLog(_connections);
        for (var i = 0; i < 3; i++)
        {
            await audit.WriteAsync(new AuditEntry(now.AddMinutes(i), "sql.user", "Manager", "view-child-timeline", $"/children/P{i}", AuditOutcome.Allowed));
        }
        var page = await audit.RecentAsync(new AuditQuery { From = now, To = now.AddMinutes(2), Offset = 1, Limit = 1 });

        var findings = new FindingStore(_connections, new ManualTime(now));
        var findingId = await findings.AddAsync(new FindingDraft(new DateOnly(2026, 1, 20), Theme.Seen, "Seen alone", "Body", ["SEEN-01"]), "sql.user");

        Assert.That((locked.Locked, user.LockedUntil, user.Teams.Single()), Is.EqualTo((true, (DateTimeOffset?)now.AddMinutes(15), "T1")));
        Assert.That((page.Total, page.Rows.Single().Resource), Is.EqualTo((2, "/children/P0")));
        Assert.That((await findings.GetAsync(findingId))!.IndicatorIds, Is.EqualTo(new[] { "SEEN-01" }));
        // A child with no events still runs every timeline query, so T-SQL that does not parse fails here.
        await _connections.ExecAsync("""
            INSERT INTO dim_child (child_key, person_id, sex, has_disability, load_id, row_hash) VALUES (901, 'P901', 'F', 0, 1, 1)
            """);
        var children = new ChildTimelineQueries(_connections);
        Assert.That((await children.ChildAsync("P901"))!.Sex, Is.EqualTo("Female"));
        Assert.That(await children.TimelineAsync("P901"), Is.Empty);
        Assert.That(await children.TeamsForChildAsync("P901"), Is.Empty);
        Assert.That(await children.ExceptionsForChildAsync("P901"), Is.Empty);
    }
}

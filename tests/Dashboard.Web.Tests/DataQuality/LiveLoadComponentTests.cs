using System.Net;
using System.Security.Claims;
using Bunit;
using Dapper;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Web.Auditing;
using Dashboard.Web.Circuits;
using Dashboard.Web.Components.Pages.DataQuality;
using Dashboard.Web.Security;
using Dashboard.Web.Services.DataQuality;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.DataQuality;

/// <summary>
/// The data quality page's live runs (bUnit, the council's real runs and a board the test writes): what a person reads
/// while a load runs, when it stops reporting, and when it ends, each state reached by the component's own one-second
/// timer on a fake clock, as over a circuit.
/// </summary>
[NonParallelizable]
public sealed class LiveLoadComponentTests
{
    private static readonly DateTimeOffset Started = new(2026, 4, 1, 2, 0, 3, TimeSpan.Zero);
    private DashboardTestHost _host = null!;
    private long _heldLoad;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await DashboardTestHost.StartAsync(TestCouncil.Small);
        _heldLoad = (await _host.Services.GetRequiredService<LoadAuditQueries>().LastSucceededAsync())!.LoadId;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public void Without_a_board_the_component_says_nothing_and_shows_the_runs()
    {
        using var ctx = Context(AppRole.Director, new Board(null), new Probe(true), out _);
        var cut = ctx.Render<NightlyRuns>();
        Assert.That(cut.FindAll(".live-load__panel"), Is.Empty);
        Assert.That(cut.FindAll("table.runs tbody th").Select(th => th.TextContent), Does.Contain(_heldLoad.ToString()));
    }

    [Test]
    public void A_running_load_shows_its_stage_percentage_start_and_time_so_far_and_moves_on_each_tick()
    {
        var board = new Board(Running(0.456, "Validate", "ssd_cp_visits"));
        using var ctx = Context(AppRole.Manager, board, new Probe(true), out var clock);
        var cut = ctx.Render<NightlyRuns>();

        Assert.That(cut.Find("#live-load-status").TextContent, Is.EqualTo($"Load {_heldLoad + 1} is running."));
        Assert.That(Squash(cut.Find(".live-load__where").TextContent), Is.EqualTo("Validate ssd_cp_visits, 45%, started 02:00:03 UTC, 1 min 12 s so far"));
        Assert.That(cut.Find("progress").GetAttribute("value"), Is.EqualTo("45"));
        Assert.That(cut.Find("progress").GetAttribute("aria-label"), Is.EqualTo($"Load {_heldLoad + 1}: 45% done"));

        board.Progress = Running(0.81, "Swap", "fact_cp_visit");
        clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.That(Squash(cut.Find(".live-load__where").TextContent),
            Is.EqualTo("Swap fact_cp_visit, 81%, started 02:00:03 UTC, 1 min 13 s so far")));
        Assert.That(cut.Find("progress").GetAttribute("value"), Is.EqualTo("81"));
    }

    [Test]
    public async Task A_load_that_starts_while_the_page_is_open_gets_its_running_row_in_the_runs_table()
    {
        var board = new Board(null);
        using var ctx = Context(AppRole.Director, board, new Probe(true), out var clock);
        var cut = ctx.Render<NightlyRuns>();
        var (loadId, _) = await StartRunAsync();
        Assert.That(cut.FindAll("table.runs tbody th").Select(th => th.TextContent), Does.Not.Contain(loadId.ToString()));

        board.Progress = Running(0.02, "Extract", "ssd_person") with { LoadId = loadId };
        clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.That(RunStatus(cut, loadId), Is.EqualTo("Running")));
        Assert.That(cut.Find("#live-load-status").TextContent, Is.EqualTo($"Load {loadId} is running."));
    }

    [Test]
    public void A_load_whose_process_is_gone_is_shown_as_stopped_reporting_not_running()
    {
        using var ctx = Context(AppRole.Analyst, new Board(Running(0.3, "Stage", "ssd_person")), new Probe(false), out _);
        var cut = ctx.Render<NightlyRuns>();

        Assert.That(cut.Find("#live-load-status").TextContent, Is.EqualTo($"Load {_heldLoad + 1} stopped reporting at 02:01:14 UTC."));
        Assert.That(cut.Find(".live-load__panel").TextContent, Does.Contain("Its process (pid 4242 on test-box) is no longer running"));
    }

    [Test]
    public void A_load_that_has_written_nothing_for_a_minute_stops_being_shown_as_running()
    {
        var board = new Board(Running(0.3, "Indicators", null));
        using var ctx = Context(AppRole.Director, board, new Probe(true), out var clock);
        var cut = ctx.Render<NightlyRuns>();
        Assert.That(cut.Find("#live-load-status").TextContent, Does.EndWith("is running."));

        clock.Advance(TimeSpan.FromSeconds(61));

        cut.WaitForAssertion(() => Assert.That(cut.Find("#live-load-status").TextContent, Does.EndWith("stopped reporting at 02:01:14 UTC.")));
        Assert.That(cut.Find(".live-load__panel").TextContent, Does.Contain("Nothing has come from it for 1 min 2 s"), "last written at 02:01:14, now 02:02:16");
    }

    [Test]
    public async Task When_the_watched_load_succeeds_the_component_says_so_with_a_reload_link_and_reads_the_runs_again()
    {
        var board = new Board(Running(0.9, "Swap", "fact_referral"));
        var (loadId, finish) = await StartRunAsync();
        using var ctx = Context(AppRole.Director, board, new Probe(true), out var clock);
        var cut = ctx.Render<NightlyRuns>();
        Assert.That(RunStatus(cut, loadId), Is.EqualTo("Running"));

        await finish("succeeded");
        board.Progress = board.Progress! with { LoadId = loadId, Fraction = 1, Outcome = LoadOutcomes.Succeeded, FinishedAt = Started.AddSeconds(97) };
        clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.That(Squash(cut.Find("#live-load-status").TextContent),
            Is.EqualTo($"Load {loadId} succeeded at 02:01:40 UTC: reload to see its figures.")));
        Assert.That(cut.Find("#live-load-status a").GetAttribute("href"), Is.EqualTo("/data-quality"));
        Assert.That(cut.FindAll("progress"), Is.Empty);
        Assert.That(RunStatus(cut, loadId), Is.EqualTo("Succeeded"), "the runs table was read again");
    }

    [Test]
    public async Task When_the_watched_load_fails_the_component_names_the_load_the_warehouse_still_holds()
    {
        var board = new Board(Running(0.5, "Stage", "ssd_person"));
        var (loadId, finish) = await StartRunAsync();
        using var ctx = Context(AppRole.Director, board, new Probe(true), out var clock);
        var cut = ctx.Render<NightlyRuns>();

        await finish("failed");
        board.Progress = board.Progress! with { LoadId = loadId, Outcome = LoadOutcomes.Failed, FinishedAt = Started.AddSeconds(97) };
        clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.That(cut.Find("#live-load-status").TextContent,
            Is.EqualTo($"Load {loadId} failed at 02:01:40 UTC: the warehouse still holds load {_heldLoad}. Why it failed is in the runs table below.")));
        Assert.That(RunStatus(cut, loadId), Is.EqualTo("Failed"));
    }

    [Test]
    public void A_load_that_ended_before_the_page_opened_is_not_announced()
    {
        var ended = Running(1, "Audit", null) with { Outcome = LoadOutcomes.Succeeded, FinishedAt = Started.AddSeconds(97) };
        using var ctx = Context(AppRole.Director, new Board(ended), new Probe(false), out var clock);
        var cut = ctx.Render<NightlyRuns>();
        Assert.That(cut.FindAll(".live-load__panel"), Is.Empty);
        var renders = cut.RenderCount;

        clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.That(cut.RenderCount, Is.GreaterThan(renders)), TimeSpan.FromSeconds(5));
        Assert.That(cut.FindAll(".live-load__panel"), Is.Empty, "the tick read the ended board and said nothing");
    }

    [Test]
    public void A_councillor_is_refused_by_the_service()
    {
        using var ctx = Context(AppRole.Councillor, new Board(Running(0.5, "Stage", null)), new Probe(true), out _);
        Assert.That(() => ctx.Render<NightlyRuns>(), Throws.InstanceOf<AccessDeniedException>());
    }

    /// <summary>A board as the load writes it, last updated a second before the test clock's now (02:01:15).</summary>
    private LoadProgress Running(double fraction, string stage, string? table) =>
        new(_heldLoad + 1, Started, stage, table, fraction, Started.AddSeconds(71), "test-box", 4242, Started.AddSeconds(-2));

    /// <summary>A run recorded as running in this host's warehouse, and how to close it.</summary>
    private async Task<(long LoadId, Func<string, Task> Finish)> StartRunAsync()
    {
        var connections = _host.Services.GetRequiredService<IConnectionFactory>();
        var id = await Dashboard.Etl.Load.RunAudit.StartAsync(connections, new Dashboard.Etl.Load.RunStart(
            Started, "schedule", DatabaseProvider.Sqlite, "source.db", _host.AsOf, "test-box"), CancellationToken.None);
        return (id, async status =>
        {
            await using var connection = await connections.OpenAsync();
            await connection.ExecuteAsync("UPDATE etl_load_run SET status = @status, finished_at = '2026-04-01T02:01:40.000Z', duration_ms = 97000, " +
                "error_message = CASE WHEN @status = 'failed' THEN 'The source went away.' END WHERE load_id = @id", new { status, id });
        });
    }

    private static string RunStatus(IRenderedComponent<NightlyRuns> cut, long loadId) =>
        cut.FindAll("table.runs tbody tr").First(r => r.QuerySelector("th")?.TextContent == loadId.ToString()).QuerySelector(".tag")!.TextContent;

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",").Replace(" .", ".");

    /// <summary>A component context as a circuit of this person, with the council's real runs and the test's board and clock.</summary>
    private BunitContext Context(AppRole role, Board board, Probe probe, out FakeTimeProvider clock)
    {
        var ctx = new BunitContext();
        var host = _host.Services;
        var time = new FakeTimeProvider(Started.AddSeconds(72));
        clock = time;
        ctx.Services.AddScoped<CircuitUser>();
        ctx.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<AuditTrail>(host, sp.GetRequiredService<CircuitUser>()));
        ctx.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<DataQualityService>(host, sp.GetRequiredService<AuditTrail>()));
        ctx.Services.AddSingleton(new LiveLoadService(board, probe, time, LoadProgressSettings.Default, host.GetRequiredService<LoadAuditQueries>()));
        var userName = DashboardTestHost.UserNameFor(role);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(role.ToString());
        ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role.ToString())], "test");
        ctx.Services.GetRequiredService<CircuitUser>().Set(new ClaimsPrincipal(identity), IPAddress.Loopback);
        return ctx;
    }

    private sealed class Board(LoadProgress? progress) : ILoadProgressBoard
    {
        public LoadProgress? Progress { get; set; } = progress;

        public Task WriteAsync(LoadProgress progress, CancellationToken cancellationToken = default) => throw new NotSupportedException("The page only reads.");

        public Task<LoadProgress?> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(Progress);
    }

    private sealed class Probe(bool running) : IProcessProbe
    {
        public string Host => "test-box";

        public bool IsRunning(int processId, DateTimeOffset startedAt) => running;
    }
}

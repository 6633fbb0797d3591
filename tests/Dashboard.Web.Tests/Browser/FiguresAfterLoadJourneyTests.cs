using System.Globalization;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Audit;
using Dashboard.Data.Indicators;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// What a director and a team manager see once a nightly run commits: both have the same indicator page open for the
/// manager's team, with the figure and the "figures from the load that finished ..." stamp of the last load; a real load
/// of another synthetic council (seed 7, so the month's figures change) then runs into the dashboard's own warehouse, as
/// the nightly scheduler runs it; each reloads and reads the new figure (what the warehouse now stores for that
/// indicator, team and month, not the old one the pages' cache held under the old load) under a stamp naming the new
/// load. The dashboard runs on the real clock, so the pages' two-second freshness check is waited out by reloading as a
/// person would, and a page asked for more than two seconds after the commit that still shows the old load fails.
/// The in-process twin (<see cref="Indicators.FiguresAfterReloadTests"/>) checks the cache itself on a fake clock.
/// </summary>
[NonParallelizable]
public sealed class FiguresAfterLoadJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    /// <summary>DataFreshness re-reads the last good load when its reading is older than this.</summary>
    private static readonly TimeSpan FreshnessCheck = TimeSpan.FromSeconds(2);

    [Test]
    public async Task After_a_nightly_run_a_director_and_a_manager_reload_and_see_the_new_load_s_figure_and_stamp()
    {
        var services = Dashboard.Services;
        var warehouse = services.GetRequiredService<IConnectionFactory>();
        // Straight from the warehouse, past every cache of the app: what the pages must show.
        var stored = new ScopeSeriesQueries(Warehouse.Connect(warehouse.Target));
        var audit = new LoadAuditQueries(Warehouse.Connect(warehouse.Target));
        var team = Dashboard.ManagerTeamId;
        var teamName = (await services.GetRequiredService<CachedScopeSeries>().TeamsAsync()).Single(t => t.TeamId == team).TeamName;
        var month = (await services.GetRequiredService<IndicatorFigures>().PeriodAsync(null))!.Selected;
        var period = month.ToString();

        // The manager's team's percentage with the most cases this month: a figure both roles see exactly.
        var oldRows = await stored.ScopeAsync("team", team, period, period);
        var oldRow = oldRows
            .Where(r => r.Value is not null && r.NotAvailable is null && IndicatorCatalogue.Find(r.IndicatorId)?.Definition.Unit == IndicatorUnit.Percent)
            .MaxBy(r => r.Denominator)!;
        Assert.That(oldRow, Is.Not.Null, "the manager's team has a percentage this month");
        var indicator = oldRow.IndicatorId;
        var oldFigure = IndicatorValue.Format(IndicatorUnit.Percent, oldRow.Value);
        var oldLoad = (await audit.LastSucceededAsync())!;
        var address = $"{Dashboard.BaseUrl}/indicators/{indicator}?team={Uri.EscapeDataString(team)}&period={period}";
        var lead = $"{teamName}, {month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
        var latest = $"Latest {{0}} in {month.First.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";

        // Both people have the page open on the last load's figure.
        var director = await OpenAsync(AppRole.Director, address);
        var manager = await OpenAsync(AppRole.Manager, address);
        foreach (var page in new[] { director, manager })
        {
            await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync(lead);
            await Assertions.Expect(Figure(page)).ToHaveTextAsync(oldFigure);
            await Assertions.Expect(Trend(page)).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, latest, oldFigure));
            Assert.That(await StampAsync(page), Does.Contain(LoadStamp.Of(oldLoad)), "the stamp names the load the figure came from");
        }
        await BrowserSession.ScreenshotAsync(director, "98-figure-before-nightly-load-director");

        var folder = Directory.CreateTempSubdirectory("figures-after-load-journey-");
        try
        {
            // Tonight's extract: another council's data (seed 7, the test council is seed 1), as at the same date.
            var source = Path.Combine(folder.FullName, "source.db");
            var extractClock = new FakeTimeProvider(new DateTimeOffset(TestWarehouses.AsOf.AddDays(1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
            new CouncilGenerator(extractClock).Generate(new GeneratorOptions(CouncilPreset.Small, Seed: 7, Years: 3, AsOf: TestWarehouses.AsOf), source);

            var (run, committed) = await RunNightlyLoadAsync(warehouse, source);
            Assert.That(run.Status, Is.EqualTo("succeeded"));

            var newLoad = (await audit.LastSucceededAsync())!;
            Assert.That(newLoad.LoadId, Is.EqualTo(run.LoadId).And.Not.EqualTo(oldLoad.LoadId));
            var newRow = (await stored.ScopeAsync("team", team, period, period)).SingleOrDefault(r => r.IndicatorId == indicator);
            Assert.That(newRow?.Value, Is.Not.Null, $"the new load stores {indicator} for {teamName} in {period}");
            var newFigure = IndicatorValue.Format(IndicatorUnit.Percent, newRow!.Value);
            Assert.That(newFigure, Is.Not.EqualTo(oldFigure), "the other council's data gives another figure (else the test could not tell them apart)");
            var newStamp = LoadStamp.Of(newLoad);
            Assert.That(newStamp, Is.Not.EqualTo(LoadStamp.Of(oldLoad)));
            TestContext.Out.WriteLine($"{indicator} for {teamName} ({team}) in {period}: {oldFigure} under load {oldLoad.LoadId}, {newFigure} under load {newLoad.LoadId}.");
            TestContext.Out.WriteLine($"Stamps: '{LoadStamp.Of(oldLoad)}', then '{newStamp}'.");

            // Each reloads: the new load's stamp, and with it the new figure and its counts.
            var seen = new List<string>();
            foreach (var page in new[] { director, manager })
            {
                var reloads = await ReloadUntilTheNewLoadAsync(page, committed, newStamp, LoadStamp.Of(oldLoad));
                TestContext.Out.WriteLine($"{(page == director ? "Director" : "Manager")}: the new load's stamp after {reloads} reload(s), {(TimeProvider.System.GetUtcNow() - committed).TotalSeconds:N1} s after the commit.");
                await Assertions.Expect(page.Locator(".freshness__inner")).ToHaveTextAsync(newStamp);
                Assert.That(await page.Locator(".banner--warning").CountAsync(), Is.Zero, "a load that finished minutes ago is not out of date");
                await Assertions.Expect(page.Locator("p.lead")).ToContainTextAsync(lead);
                await Assertions.Expect(Figure(page)).ToHaveTextAsync(newFigure);
                await Assertions.Expect(Figure(page).Locator("xpath=following-sibling::p[1]"))
                    .ToContainTextAsync($"{VisibleFigure.Count(newRow.Numerator)} of {VisibleFigure.Count(newRow.Denominator)}");
                // The trend is drawn afresh too (the chart cache is keyed by the load as well).
                await Assertions.Expect(Trend(page)).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, latest, newFigure));
                seen.Add(await Figure(page).InnerTextAsync());
            }
            Assert.That(seen[1], Is.EqualTo(seen[0]), "the manager sees the director's figure for their team");
            await BrowserSession.ScreenshotAsync(director, "99-figure-after-nightly-load-director");
            await BrowserSession.ScreenshotAsync(manager, "99-figure-after-nightly-load-manager");
            Assert.That(await BrowserSession.AccessibilityViolationsAsync(director), Is.Empty);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private async Task<IPage> OpenAsync(AppRole role, string address)
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, role);
        await page.GotoAsync(address);
        return page;
    }

    /// <summary>The figure of the month in the page's "This month" panel.</summary>
    private static ILocator Figure(IPage page) => page.Locator("section[aria-labelledby='figure-heading'] .tile__value");

    /// <summary>The words under the trend chart's title ("... Latest 85.3% in March 2026, below the target ...").</summary>
    private static ILocator Trend(IPage page) => page.Locator("figure.chart .chart__description").First;

    /// <summary>What the page says about the last load: the plain line, or the warning when that load is old.</summary>
    private static async Task<string> StampAsync(IPage page)
    {
        var stamps = await page.Locator(".freshness__inner, .banner--warning").AllInnerTextsAsync();
        Assert.That(stamps, Has.Count.EqualTo(1), "one stamp on the page");
        return stamps[0];
    }

    /// <summary>
    /// Reloads as a person would until the page names the new load. The pages read the last load at most two seconds
    /// late, so the old stamp is allowed only on a page asked for within two seconds of the commit; later, it fails.
    /// </summary>
    /// <returns>How many reloads it took.</returns>
    private static async Task<int> ReloadUntilTheNewLoadAsync(IPage page, DateTimeOffset committed, string newStamp, string oldStamp)
    {
        for (var reloads = 1; ; reloads++)
        {
            var asked = TimeProvider.System.GetUtcNow();
            await page.ReloadAsync();
            var stamp = await StampAsync(page);
            if (stamp == newStamp) return reloads;
            Assert.That(stamp, Does.Contain(oldStamp), "the page names either the old load or the new one");
            Assert.That(asked - committed, Is.LessThan(FreshnessCheck),
                $"a page asked for {(asked - committed).TotalSeconds:N1} s after the load committed still names the old load");
        }
    }

    /// <summary>The load as the nightly scheduler runs it (trigger "schedule", progress to the board beside the warehouse).</summary>
    /// <returns>The run, and the moment it had committed by (read as the runner returns, before the board is closed).</returns>
    private static async Task<(EtlRunResult Run, DateTimeOffset Committed)> RunNightlyLoadAsync(IConnectionFactory warehouse, string source)
    {
        var board = LoadProgressBoards.For(warehouse) ?? throw new InvalidOperationException("A SQLite warehouse file has a board.");
        var since = TimeProvider.System.GetUtcNow();
        var writer = new LoadProgressWriter(board, LockOwner.CurrentProcess(), TimeProvider.System, ct => RunningLoad.IdAsync(warehouse, since, ct));
        var options = new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, source), warehouse.Target)
        {
            AsOf = TestWarehouses.AsOf,
            TriggerKind = "schedule",
        };
        return await Task.Run(async () =>
        {
            var result = await new EtlRunner(TimeProvider.System).RunAsync(options, new Reported(writer), CancellationToken.None);
            var committed = TimeProvider.System.GetUtcNow();
            await writer.CompleteAsync(result.Status == "succeeded" ? LoadOutcomes.Succeeded : LoadOutcomes.Failed, result.LoadId);
            return (result, committed);
        });
    }

    private sealed class Reported(LoadProgressWriter writer) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value) => writer.Report(value.Stage, value.Table, value.Fraction);
    }
}

using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Etl;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// An analyst has the data quality page open while a load runs: without reloading, they see the stage and percentage
/// move, then that the load succeeded, with its row in the runs table. The load is a real one of the small council into
/// the dashboard's own warehouse, writing its board as the CLI does, slowed a little at each table through the ETL's
/// test hook so it lasts several seconds.
/// </summary>
[NonParallelizable]
public sealed class LiveLoadJourneyTests() : BrowserJourney(TestCouncil.Small)
{
    [Test]
    public async Task An_analyst_watches_a_load_run_and_end_without_reloading_the_page()
    {
        var page = await Browser.NewPageAsync();
        await BrowserSession.SignInAsync(page, Dashboard.BaseUrl, AppRole.Analyst);
        await page.GotoAsync(Dashboard.BaseUrl + "/data-quality");
        await Assertions.Expect(page.Locator(".live-load[data-live='circuit']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        Assert.That(await page.Locator(".live-load__panel").CountAsync(), Is.Zero, "no load is running yet");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        var load = RunSlowedLoadAsync();

        var status = page.Locator("#live-load-status");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex(@"^Load \d+ is running\.$"), new() { Timeout = 30_000 });
        var loadId = Regex.Match(await status.InnerTextAsync(), @"\d+").Value;
        await Assertions.Expect(page.Locator("table.runs tbody tr").First.Locator(".tag")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator("table.runs tbody tr").First.Locator("th")).ToHaveTextAsync(loadId);
        var where = page.Locator(".live-load__where");
        var first = await where.InnerTextAsync();
        Assert.That(first, Does.Match(@"^\w+( \w+)?, \d+%, started \d\d:\d\d:\d\d UTC, \d+ s so far$"));
        await Assertions.Expect(where).Not.ToHaveTextAsync(first, new() { Timeout = 30_000 });
        var later = await where.InnerTextAsync();
        Assert.That(Percent(later), Is.GreaterThanOrEqualTo(Percent(first)), "never backwards");
        Assert.That(Stage(later) != Stage(first) || Percent(later) > Percent(first), Is.True, $"moved on: '{first}' then '{later}'");
        await Assertions.Expect(page.Locator("progress.live-load__bar")).ToHaveAttributeAsync("value", Percent(later).ToString());
        await BrowserSession.ScreenshotAsync(page, "96-data-quality-load-running");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        var result = await load;

        await Assertions.Expect(status).ToHaveTextAsync(new Regex($@"^Load {result.LoadId} succeeded at \d\d:\d\d:\d\d UTC: reload to see its figures\.$"),
            new() { Timeout = 30_000 });
        var newest = page.Locator("table.runs tbody tr").First;
        await Assertions.Expect(newest.Locator("th")).ToHaveTextAsync(result.LoadId.ToString());
        await Assertions.Expect(newest.Locator(".tag")).ToHaveTextAsync("Succeeded");
        Assert.That(navigations, Is.Zero, "the page was never reloaded");
        await BrowserSession.ScreenshotAsync(page, "97-data-quality-load-succeeded");
        Assert.That(await BrowserSession.AccessibilityViolationsAsync(page), Is.Empty);

        await page.GetByRole(AriaRole.Link, new() { Name = "reload to see its figures" }).ClickAsync();
        await Assertions.Expect(page.Locator(".live-load[data-live='circuit']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        Assert.That(await page.Locator(".live-load__panel").CountAsync(), Is.Zero, "after the reload the ended load is in the runs table only");
    }

    /// <summary>The load as <c>dashboard etl</c> runs it (progress to the board beside the warehouse), a little slower.</summary>
    private async Task<EtlRunResult> RunSlowedLoadAsync()
    {
        var warehouse = Dashboard.Services.GetRequiredService<IConnectionFactory>();
        var source = new DatabaseTarget(DatabaseProvider.Sqlite, await TestWarehouses.SourceOfAsync(TestCouncil.Small));
        var board = LoadProgressBoards.For(warehouse) ?? throw new InvalidOperationException("A SQLite warehouse file has a board.");
        var since = TimeProvider.System.GetUtcNow();
        var writer = new LoadProgressWriter(board, LockOwner.CurrentProcess(), TimeProvider.System, ct => RunningLoad.IdAsync(warehouse, since, ct));
        var options = new EtlOptions(source, warehouse.Target) { AsOf = TestWarehouses.AsOf, TriggerKind = "manual", Faults = new SlowTables() };
        return await Task.Run(async () =>
        {
            var result = await new EtlRunner(TimeProvider.System).RunAsync(options, new Reported(writer), CancellationToken.None);
            await writer.CompleteAsync(LoadOutcomes.Succeeded, result.LoadId);
            return result;
        });
    }

    private static int Percent(string where) => int.Parse(Regex.Match(where, @"(\d+)%").Groups[1].Value);

    private static string Stage(string where) => where[..where.IndexOf(',')];

    private sealed class Reported(LoadProgressWriter writer) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value) => writer.Report(value.Stage, value.Table, value.Fraction);
    }

    /// <summary>A pause as each table is validated and staged: the small council's load then takes several seconds.</summary>
    private sealed class SlowTables : IEtlFaultInjector
    {
        public void At(EtlStage stage, string? table)
        {
            if (stage is EtlStage.Validate or EtlStage.Stage && table is not null) Thread.Sleep(150);
        }
    }
}

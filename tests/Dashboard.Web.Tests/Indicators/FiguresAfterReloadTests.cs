using Dashboard.Data;
using Dashboard.Data.Indicators;
using Dashboard.Etl;
using Dashboard.Synthetic;
using Dashboard.Web.Services.Indicators;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Indicators;

/// <summary>
/// The pages' stored figures are cached by load (<see cref="CachedScopeSeries"/>): once a nightly run commits, the next
/// read after the freshness check (two seconds) gives the new run's figures, with nothing stale left from the
/// cache. The second load is a different council's data, so every figure of the month can change.
/// </summary>
public sealed class FiguresAfterReloadTests
{
    [Test]
    public async Task A_committed_load_s_figures_are_read_once_the_freshness_check_sees_the_new_load()
    {
        await using var host = await DashboardTestHost.StartAsync(TestCouncil.Scilly);
        var cached = host.Services.GetRequiredService<CachedScopeSeries>();
        var month = (await cached.PeriodsAsync()).Max()!;
        var before = await cached.ScopeAsync("council", "council", month, month);

        var folder = Directory.CreateTempSubdirectory("figures-after-reload-");
        try
        {
            var source = Path.Combine(folder.FullName, "source.db");
            new CouncilGenerator(host.Clock).Generate(new GeneratorOptions(CouncilPreset.Scilly, Seed: 7, Years: 3, AsOf: host.AsOf), source);
            var run = await new EtlRunner(host.Clock).RunAsync(new EtlOptions(new DatabaseTarget(DatabaseProvider.Sqlite, source), host.Warehouse)
            {
                AsOf = host.AsOf,
            });
            Assert.That(run.Status, Is.EqualTo("succeeded"));

            host.Clock.Advance(TimeSpan.FromSeconds(3));
            var after = await cached.ScopeAsync("council", "council", month, month);
            var stored = await new ScopeSeriesQueries(Warehouse.Connect(host.Warehouse)).ScopeAsync("council", "council", month, month);

            Assert.That(after, Is.EqualTo(stored), "the cached read is the committed load's figures");
            Assert.That(after, Is.Not.EqualTo(before), "another council's data gives other figures");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

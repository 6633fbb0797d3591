using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using static Dashboard.Etl.Tests.Support.SsdSourceBuilder;

namespace Dashboard.Etl.Tests.Integration;

/// <summary>The nightly indicator step: computed from the load, inside its transaction, replacing the previous figures.</summary>
public class IndicatorTests : EtlTestBase
{
    [Test]
    public async Task Every_indicator_has_a_council_row_for_every_month_of_the_data()
    {
        var result = await LoadAsync(ASmallCouncil());

        var periods = Warehouse.Rows("SELECT DISTINCT period FROM fact_indicator ORDER BY period").Select(r => (string)r["period"]!).ToList();
        Assert.That(periods[^1], Is.EqualTo("2026-06"), "the run's as-of month is the last");
        Assert.That(periods, Is.EqualTo(Month.Range(Month.Parse(periods[0]), Month.Parse("2026-06")).Select(m => m.ToString())), "no month missing");
        foreach (var indicator in IndicatorCatalogue.All)
        {
            var councilRows = Warehouse.Count("fact_indicator",
                $"indicator_id = '{indicator.Definition.Id}' AND series = '' AND scope_level = 'council'");
            Assert.That(councilRows, Is.EqualTo(periods.Count), indicator.Definition.Id);
        }
        Assert.That(result.IndicatorRows, Is.EqualTo(Warehouse.Count("fact_indicator")));
        Assert.That(result.ExceptionRows, Is.EqualTo(Warehouse.Count("fact_indicator_exception")));
        Assert.That(Warehouse.Count("fact_indicator", "load_id <> 1"), Is.Zero);
        Assert.That(Warehouse.Scalar("SELECT indicator_ms FROM etl_load_run WHERE load_id = 1"), Is.Not.Null);
        Assert.That(result.IndicatorElapsed, Is.GreaterThanOrEqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task The_council_figure_is_the_sum_of_its_teams_figures()
    {
        await LoadAsync(ASmallCouncil());

        var mismatches = Warehouse.Rows("""
            SELECT c.indicator_id, c.period, c.numerator, c.denominator, SUM(t.numerator) AS team_numerator, SUM(t.denominator) AS team_denominator
            FROM fact_indicator c
            JOIN fact_indicator t ON t.indicator_id = c.indicator_id AND t.series = c.series AND t.period = c.period AND t.scope_level = 'team'
            WHERE c.scope_level = 'council' AND c.not_available IS NULL
            GROUP BY c.indicator_id, c.series, c.period, c.numerator, c.denominator
            HAVING SUM(t.numerator) <> c.numerator OR SUM(t.denominator) <> c.denominator
            """);
        Assert.That(mismatches.Select(r => $"{r["indicator_id"]} {r["period"]}"), Is.Empty);
        Assert.That(Warehouse.Count("fact_indicator", "scope_level = 'team' AND denominator > 0"), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_zero_denominator_stores_no_value_and_an_absent_extension_table_stores_the_reason()
    {
        await LoadAsync(ASmallCouncil().Without("ssd_ext_management_oversight"));

        Assert.That(Warehouse.Count("fact_indicator", "denominator = 0 AND value IS NOT NULL"), Is.Zero);
        Assert.That(Warehouse.Count("fact_indicator", "denominator = 0 AND value IS NULL"), Is.GreaterThan(0));
        var oversight = Warehouse.Rows("SELECT value, not_available FROM fact_indicator WHERE indicator_id = 'OVERSIGHT-01' AND scope_level = 'council'");
        Assert.That(oversight, Is.Not.Empty);
        Assert.That(oversight.Select(r => r["value"]), Has.All.Null);
        Assert.That(oversight.Select(r => (string?)r["not_available"]), Has.All.Contains("management oversight"));
        Assert.That(Warehouse.Count("fact_indicator", "indicator_id = 'SEEN-01' AND not_available IS NOT NULL"), Is.Zero);
    }

    [Test]
    public async Task Exception_rows_name_the_child_and_team_and_a_reload_replaces_rather_than_adds()
    {
        var source = ASmallCouncil();
        await LoadAsync(source);
        var first = Warehouse.Count("fact_indicator_exception");
        var figures = Warehouse.Count("fact_indicator");

        await LoadAsync(source);

        Assert.That(first, Is.GreaterThan(0));
        Assert.That(Warehouse.Count("fact_indicator_exception"), Is.EqualTo(first));
        Assert.That(Warehouse.Count("fact_indicator"), Is.EqualTo(figures));
        Assert.That(Warehouse.Count("fact_indicator", "load_id <> 2"), Is.Zero, "every figure comes from the latest run");
        Assert.That(Warehouse.Count("fact_indicator_exception", "person_id IS NOT NULL AND child_key = 0"), Is.Zero, "child keys resolve");
        Assert.That(Warehouse.Count("fact_indicator_exception", "days_overdue IS NOT NULL AND overdue_unit IS NULL"), Is.Zero);
    }

    [Test]
    public async Task Exception_rows_are_kept_for_the_configured_months_only()
    {
        ASmallCouncil().Build(SourcePath);
        await new EtlRunner(Time).RunAsync(Options() with { ExceptionMonths = 1 });

        var periods = Warehouse.Rows("SELECT DISTINCT period FROM fact_indicator_exception").Select(r => (string)r["period"]!);
        Assert.That(periods, Is.EqualTo(new[] { "2026-06" }).Or.Empty);
    }
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Statistics;

namespace Dashboard.Charts.Tests;

/// <summary>One chart of every type, in the sizes the pages and packs draw them, with crowded cases on purpose.</summary>
internal static class ChartGallery
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("spc-shifting", () => SpcChart.Build("Child protection visits on time", Fixtures.ShiftingDown(), IndicatorUnit.Percent,
            Polarity.HigherIsBetter, 85m, 80m));
        yield return Case("spc-phased", () => SpcChart.Build("Assessments on time", Fixtures.Phased(), IndicatorUnit.Percent,
            Polarity.HigherIsBetter, 85m, 84m));
        yield return Case("spc-close-lines-councillor", () => SpcChart.Build("Visits", Fixtures.Steady(24), IndicatorUnit.Percent,
            Polarity.HigherIsBetter, 76m, 75m, new ChartOptions { Width = 640, Height = 230 }));
        yield return Case("sparkline", () => Sparkline.Build("SEEN-01",
            Enumerable.Range(0, 12).Select(i => (Fixtures.April2024.AddMonths(i), i == 4 ? null : (decimal?)(70 + i % 4))).ToList(),
            IndicatorUnit.Percent, "Visits"));
        yield return Case("teams-lines", () => TeamTrendChart.Build("Visits by team", Teams(5, 24), IndicatorUnit.Percent, 85m));
        yield return Case("teams-small-multiples", () => TeamTrendChart.Build("Attendance by team", Teams(8, 24), IndicatorUnit.Count, 12m));
        yield return Case("funnel-crowded", () => FunnelChart.Build("Referrals leading to no further action", CrowdedFunnel(), 0.30m,
            IndicatorUnit.Percent, "Referrals"));
        yield return Case("funnel-workers-counts", () => FunnelChart.Build("Workers", SmallFunnel(), 0.5m, IndicatorUnit.Percent, "Visits due", "workers"));
        yield return Case("bars", () => BarChart.Build("Attendance by agency",
            [("Police", 92m), ("Health visiting", 77.9m), ("Schools", null), ("Probation", 64m), ("Adult mental health services", 100m)],
            IndicatorUnit.Percent, 80m));
        yield return Case("bars-counts", () => BarChart.Build("Conferences", [("North", 3m), ("South", 7m)], IndicatorUnit.Count, null));
        yield return Case("rolling", () => RollingLineChart.Build("Visits, rolling 3-month figures", 3,
            Enumerable.Range(0, 18).Select(i => (Fixtures.April2024.AddMonths(i), i == 7 ? null : (decimal?)(80 + i % 5))).ToList(),
            IndicatorUnit.Percent, 82m));
    }

    private static TestCaseData Case(string name, Func<ChartSpec> build) => new TestCaseData(name, build).SetArgDisplayNames(name);

    /// <summary>Teams with distinct names and rates that cross, some months hidden.</summary>
    public static List<(string Team, Month Month, decimal? Value)> Teams(int teams, int months)
    {
        string[] names = ["Assessment East", "Assessment West", "Children in Need North", "Children in Need South", "Disabled Children",
            "Family Support", "Front Door", "Looked After Children"];
        var rows = new List<(string, Month, decimal?)>();
        for (var t = 0; t < teams; t++)
        {
            for (var m = 0; m < months; m++)
            {
                rows.Add((names[t], new Month(2024, 4).AddMonths(m), (t + m) % 7 == 3 ? null : 60m + (t * 4) + ((m * (t + 1)) % 9)));
            }
        }
        return rows;
    }

    /// <summary>Two front-door teams of similar size and rate, both outliers, and a small outlier near the mouth.</summary>
    private static List<(string, FunnelPoint)> CrowdedFunnel()
    {
        FunnelUnit[] units = [new("Front Door East", 203, 4951), new("Front Door West", 144, 4760), new("North", 6, 20), new("South", 60, 100),
            new("Children in Need South", 30, 150), new("West", 1300, 4300)];
        return FunnelPlot.Plot(units, 0.30m).Select(p => (p.Id, p)).ToList();
    }

    /// <summary>Workers with a handful of visits each: the size axis must tick at whole numbers.</summary>
    private static List<(string, FunnelPoint)> SmallFunnel()
    {
        FunnelUnit[] units = [new("Worker A", 1, 2), new("Worker B", 2, 3), new("Worker C", 0, 1), new("Worker D", 3, 3)];
        return FunnelPlot.Plot(units, 0.5m).Select(p => (p.Id, p)).ToList();
    }
}

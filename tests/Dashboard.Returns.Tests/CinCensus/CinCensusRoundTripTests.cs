using Dashboard.Returns.CinCensus;
using Dashboard.Returns.Tests.Support;
using Dashboard.Synthetic;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.CinCensus;

/// <summary>
/// The small council written as five CIN census years and imported back gives, for every indicator the census supports,
/// the SSD path's figures month by month at council level (the census carries no teams), from April 2022: the month
/// after the first census year's first twelve months, so every look-back (re-referrals' 365 days) lies inside the files.
/// </summary>
[NonParallelizable]
public class CinCensusRoundTripTests
{
    /// <summary>Indicators whose every source the census fills, and that read only what it carries.</summary>
    public static readonly string[] Supported =
        ["FRONT-03", "FRONT-04", "FRONT-05", "RISK-01", "RISK-02", "RISK-04", "RISK-06", "PLANS-01", "PLANS-02"];

    private static RoundTrip _trip = null!;

    [OneTimeSetUp]
    public static async Task WriteAndImport() =>
        _trip = await RoundTrip.RunAsync(CouncilPreset.Small, new DateOnly(2026, 3, 31), 5, (new CinCensusWriter(), new CinCensusImporter()));

    [OneTimeTearDown]
    public static void CleanUp() => _trip?.Dispose();

    [Test]
    public void One_file_per_census_year_is_written_and_read_with_no_rejections()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_trip.Files[StatutoryReturn.CinCensus].Select(Path.GetFileName),
                Is.EqualTo(new[] { "cin-census-2021-22.xml", "cin-census-2022-23.xml", "cin-census-2023-24.xml", "cin-census-2024-25.xml", "cin-census-2025-26.xml" }));
            Assert.That(_trip.Imported[0].Rejected, Is.Zero);
            Assert.That(_trip.Imported[0].Provenance.Period, Is.EqualTo("2021-22 to 2025-26"));
        });
    }

    [Test]
    public void Supported_indicators_equal_the_SSD_path_month_by_month()
    {
        var differences = _trip.Differences(Supported, "2022-04");
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, differences.Take(40)));
        Assert.That(differences, Is.Empty);
    }

    [Test]
    public void Each_year_holds_only_what_was_known_at_its_reference_date_in_the_schema_order()
    {
        string[] episodeOrder = ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
            "DateOfInitialCPC", "ReferralNFA", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"];
        foreach (var file in _trip.Files[StatutoryReturn.CinCensus])
        {
            var census = XDocument.Load(file);
            var reference = DateOnly.Parse(census.Descendants("ReferenceDate").Single().Value, CultureInfo.InvariantCulture);
            var dates = census.Descendants("Child").Descendants()
                .Where(e => !e.HasElements && DateOnly.TryParseExact(e.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                            && e.Name.LocalName != "InitialCPCtarget")
                .Select(e => DateOnly.ParseExact(e.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.That(dates.Max(), Is.LessThanOrEqualTo(reference), Path.GetFileName(file));
            foreach (var episode in census.Descendants("CINdetails"))
            {
                var order = episode.Elements().Select(e => Array.IndexOf(episodeOrder, e.Name.LocalName)).ToList();
                Assert.That(order, Is.Ordered.And.Not.Contains(-1), Path.GetFileName(file));
            }
        }
    }

    /// <summary>
    /// RISK-05 counts a plan as a repeat when the child had an earlier plan at any time. A plan that ended before the
    /// first census year is in no census file (the census gives only its count, NumberOfPreviousCPP, which the SSD
    /// contract has no column for), so the returns path misses exactly those repeats and nothing else.
    /// </summary>
    [Test]
    public void Repeat_plans_differ_only_by_earlier_plans_that_ended_before_the_first_census_year()
    {
        var differences = _trip.Differences(["RISK-05"], "2022-04");
        var shortfall = differences.Sum(line =>
        {
            var parts = line.Split(": SSD ")[1].Split(", returns ");
            return int.Parse(parts[0].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)
                - int.Parse(parts[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
        });
        using var ssd = new SqliteConnection($"Data Source={_trip.SsdSource};Mode=ReadOnly");
        ssd.Open();
        using var command = ssd.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM ssd_cp_plans p
            WHERE p.cppl_cp_plan_start_date >= '2022-04-01'
              AND EXISTS (SELECT 1 FROM ssd_cp_plans q WHERE q.cppl_person_id = p.cppl_person_id AND q.cppl_cp_plan_start_date < p.cppl_cp_plan_start_date)
              AND NOT EXISTS (SELECT 1 FROM ssd_cp_plans q WHERE q.cppl_person_id = p.cppl_person_id AND q.cppl_cp_plan_start_date < p.cppl_cp_plan_start_date
                              AND (q.cppl_cp_plan_end_date IS NULL OR q.cppl_cp_plan_end_date >= '2021-04-01'))
            """;
        var beforeTheCensus = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(beforeTheCensus, Is.GreaterThan(0), "the small council has repeats of plans from before the census years");
            Assert.That(shortfall, Is.EqualTo(beforeTheCensus));
            Assert.That(differences.Select(d => d.Split(": SSD ")[1].Split(", returns ")).All(p => p[0].Split('/')[1].Split(' ')[0] == p[1].Split('/')[1].Split(' ')[0]),
                Is.True, "the plans counted are the same");
        });
    }

    [Test]
    public void The_supported_indicators_have_figures_to_compare()
    {
        foreach (var id in Supported)
        {
            Assert.That(RoundTrip.Figure(_trip.ReturnsWarehouse, id, "2025-03"), Does.Not.StartWith("not available").And.Not.StartWith("0/0"), id);
        }
    }
}

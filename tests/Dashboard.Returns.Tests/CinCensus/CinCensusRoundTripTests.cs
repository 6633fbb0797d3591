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
    public void What_the_census_fills_but_cannot_support_is_not_available_from_these_sources_with_why()
    {
        // RISK-05 on the census alone misses repeats of plans that ended before the first census year (in this council
        // they exist: a repeat's earlier plan ended before April 2021); RISK-03 counts enquiries by an end date the
        // census lacks; OVERSIGHT-02 compares teams the census does not name. A wrong figure is never shown for them.
        foreach (var (id, why) in CinCensusImporter.NotSupported)
        {
            Assert.That(RoundTrip.Figure(_trip.ReturnsWarehouse, id, "2025-03"), Is.EqualTo($"not available: Not available from these sources: {why}."), id);
            Assert.That(RoundTrip.Figure(_trip.SsdWarehouse, id, "2025-03"), Does.Not.StartWith("not available"), id + " on the SSD path");
        }
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

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Settings;

public class SettingsTests
{
    [Test]
    public void The_defaults_are_valid_and_carry_every_catalogue_default_target()
    {
        Assert.That(IndicatorSettings.Default.Validate, Throws.Nothing);
        foreach (var d in IndicatorCatalogue.All.Select(i => i.Definition))
        {
            Assert.That(IndicatorSettings.Default.TargetFor(d.Id), Is.EqualTo(d.DefaultTarget), d.Id);
        }
    }

    [Test]
    public void The_documented_defaults_file_reads_back_as_the_defaults()
    {
        var path = Path.Combine(Repository.Root, IndicatorSettingsFile.DefaultsPath);
        var read = IndicatorSettingsFile.Load(path);

        Assert.That(IndicatorSettingsFile.Render(read), Is.EqualTo(IndicatorSettingsFile.Render(IndicatorSettings.Default)));
    }

    [Test]
    public void A_council_file_overrides_only_what_it_names_and_can_remove_a_target()
    {
        var s = IndicatorSettingsFile.Parse("""
            // Isles of Scilly
            { "councilName": "Isles of Scilly", "cpVisitWorkingDays": 15, "targets": { "SEEN-01": 95.5, "FRONT-02": null } }
            """);

        Assert.That(s.CouncilName, Is.EqualTo("Isles of Scilly"));
        Assert.That(s.CpVisitWorkingDays, Is.EqualTo(15));
        Assert.That(s.CinVisitWorkingDays, Is.EqualTo(20));
        Assert.That(s.TargetFor("SEEN-01"), Is.EqualTo(95.5m));
        Assert.That(s.TargetFor("FRONT-02"), Is.Null);
        Assert.That(s.TargetFor("SEEN-03"), Is.EqualTo(85m));
    }

    [TestCase("""{ "cpVisitWorkingDays": -3 }""", "Setting 'cpVisitWorkingDays' must be a whole number from 1 to 260 (working days); it is -3.")]
    [TestCase("""{ "oversightWorkingDays": 0 }""", "Setting 'oversightWorkingDays' must be a whole number from 1 to 260 (working days); it is 0.")]
    [TestCase("""{ "targets": { "SEEN-99": 90 } }""", "Setting 'targets' names 'SEEN-99', which is not an indicator in the catalogue.")]
    [TestCase("""{ "targets": { "SEEN-01": 120 } }""", "Setting 'targets.SEEN-01' must be a percentage from 0 to 100; it is 120.")]
    [TestCase("""{ "targets": { "WORKFORCE-02": -1 } }""", "Setting 'targets.WORKFORCE-02' must not be negative; it is -1.")]
    [TestCase("""{ "targets": { "FRONT-01": 50 } }""", "Setting 'targets.FRONT-01' cannot be set: FRONT-01 is a context measure, where neither higher nor lower is better.")]
    [TestCase("""{ "councilName": "" }""", "Setting 'councilName' must not be empty.")]
    [TestCase("""{ "permanentPlacementTypes": ["U4", "ZZ"] }""", "Setting 'permanentPlacementTypes' holds 'ZZ', which is not an SSDA903 placement type.")]
    [TestCase("""{ "minimumDenominator": 0 }""", "Setting 'minimumDenominator' must be a whole number from 1 to 10000 (cases); it is 0.")]
    [TestCase("""{ "reportingStart": "April 2019" }""", "Setting 'reportingStart' must be a month in quotes, such as \"2019-04\" (or null: where the data becomes reliable); it is \"April 2019\".")]
    [TestCase("""{ "defaultLength": 6 }""", "Setting 'defaultLength' must be 1 (the month), 3 or 12 (rolling months); it is 6.")]
    [TestCase("""{ "cpVisitWorkingDays": "ten" }""", "Setting 'cpVisitWorkingDays' must be a whole number; it is \"ten\".")]
    public void A_bad_value_is_refused_with_one_sentence_naming_the_setting(string json, string message) =>
        Assert.That(() => IndicatorSettingsFile.Parse(json), Throws.TypeOf<InvalidSettingsException>().With.Message.EqualTo(message));

    [Test]
    public void The_default_length_is_read_from_a_council_file_and_is_one_month_unless_set()
    {
        Assert.That(IndicatorSettingsFile.Parse("""{ "defaultLength": 12 }""").DefaultFigureLength,
            Is.EqualTo(Dashboard.Core.Indicators.Rolling.FigureLength.TwelveMonths));
        Assert.That(IndicatorSettings.Default.DefaultFigureLength, Is.EqualTo(Dashboard.Core.Indicators.Rolling.FigureLength.OneMonth));
    }

    [Test]
    public void The_minimum_denominator_and_reporting_start_are_read_from_a_council_file()
    {
        var s = IndicatorSettingsFile.Parse("""{ "minimumDenominator": 20, "reportingStart": "2019-04" }""");

        Assert.That(s.MinimumDenominator, Is.EqualTo(20));
        Assert.That(s.ReportingStart, Is.EqualTo(new Month(2019, 4)));
        Assert.That(IndicatorSettings.Default.MinimumDenominator, Is.EqualTo(10), "the default");
        Assert.That(IndicatorSettings.Default.ReportingStart, Is.Null, "the default: from the data");
    }

    [Test]
    public void An_unknown_setting_is_refused_so_a_misspelling_is_not_silently_ignored() =>
        Assert.That(() => IndicatorSettingsFile.Parse("""{ "cpVisitWorkingDay": 10 }"""),
            Throws.TypeOf<InvalidSettingsException>().With.Message.StartsWith("Setting 'cpVisitWorkingDay' is not a setting this version knows"));

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var bad = IndicatorSettings.Default with { CpVisitWorkingDays = -1, CinVisitWorkingDays = -2 };

        var e = Assert.Throws<InvalidSettingsException>(bad.Validate);
        Assert.That(e!.Problems, Has.Count.EqualTo(2));
    }

    [Test]
    public void Malformed_json_is_refused_with_a_clear_message() =>
        Assert.That(() => IndicatorSettingsFile.Parse("{ \"councilName\": "), Throws.TypeOf<InvalidSettingsException>().With.Message.Contains("not valid JSON"));
}

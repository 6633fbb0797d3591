using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Tests.Indicators.Settings;

/// <summary>The <c>changeDates</c> setting: the dates where the SPC charts start new limits.</summary>
public class ChangeDatesSettingTests
{
    [Test]
    public void A_council_records_changes_for_all_indicators_or_for_named_ones()
    {
        var s = IndicatorSettingsFile.Parse("""
            {
              // the new structure touched every measure; the new visit app only the visit measures
              "changeDates": [
                { "date": "2025-09-01", "what": "New locality teams" },
                { "date": "2025-04-14", "what": "New visit recording app", "indicators": ["seen-01", "SEEN-03"] }
              ]
            }
            """);

        Assert.That(s.ChangeDates, Has.Count.EqualTo(2));
        Assert.That(s.ChangeDatesFor("SEEN-01").Select(c => (c.Month, c.What)), Is.EqualTo(new[]
        {
            (new Month(2025, 4), "New visit recording app"), (new Month(2025, 9), "New locality teams"),
        }), "earliest first, ids read without regard to case");
        Assert.That(s.ChangeDatesFor("RISK-01").Select(c => c.What), Is.EqualTo(new[] { "New locality teams" }));
    }

    [Test]
    public void The_defaults_record_no_change_and_write_the_setting_with_its_explanation()
    {
        var text = IndicatorSettingsFile.Render(IndicatorSettings.Default);

        Assert.That(IndicatorSettings.Default.ChangeDates, Is.Empty);
        Assert.That(text, Does.Contain("\"changeDates\": [],"));
        Assert.That(text, Does.Contain("// Dates the service changed how it works"));
    }

    [Test]
    public void Recorded_changes_are_written_back_as_they_were_read()
    {
        var s = IndicatorSettingsFile.Parse("""{ "changeDates": [{ "date": "2025-09-01", "what": "New \"front door\"", "indicators": ["SEEN-01"] }] }""");

        var again = IndicatorSettingsFile.Parse(IndicatorSettingsFile.Render(s));

        Assert.That(again.ChangeDates.Single(), Is.EqualTo(s.ChangeDates.Single()).Using<ChangeDate>((a, b) =>
            a.Date == b.Date && a.What == b.What && a.IndicatorIds.SequenceEqual(b.IndicatorIds)));
    }

    [TestCase("""{ "changeDates": "2025-09-01" }""",
        "Setting 'changeDates' must be a list of changes, such as [{ \"date\": \"2025-09-01\", \"what\": \"New locality teams\" }]; it is \"2025-09-01\".")]
    [TestCase("""{ "changeDates": [{ "date": "01/09/2025", "what": "New teams" }] }""",
        "Setting 'changeDates[0].date' must be a date written yyyy-mm-dd, such as \"2025-09-01\"; it is \"01/09/2025\".")]
    [TestCase("""{ "changeDates": [{ "date": "2025-02-30", "what": "New teams" }] }""",
        "Setting 'changeDates[0].date' must be a date written yyyy-mm-dd, such as \"2025-09-01\"; it is \"2025-02-30\".")]
    [TestCase("""{ "changeDates": [{ "what": "New teams" }] }""",
        "Setting 'changeDates[0]' has no 'date': say when the change took effect, such as \"2025-09-01\".")]
    [TestCase("""{ "changeDates": [{ "date": "2025-09-01", "what": "  " }] }""",
        "Setting 'changeDates[0].what' must say in a few words what changed; the charts print it where the new limits start.")]
    [TestCase("""{ "changeDates": [{ "date": "2025-09-01", "what": "New teams", "indicators": ["SEEN-99"] }] }""",
        "Setting 'changeDates[0].indicators' names 'SEEN-99', which is not an indicator in the catalogue.")]
    [TestCase("""{ "changeDates": [{ "date": "2025-09-01", "what": "New teams", "indicators": "SEEN-01" }] }""",
        "Setting 'changeDates[0].indicators' must be a list of indicator ids in quotes, such as [\"SEEN-01\"] (leave it out for every indicator).")]
    [TestCase("""{ "changeDates": [{ "date": "2025-09-01", "what": "New teams", "when": "soon" }] }""",
        "Setting 'changeDates[0]' has 'when', which a change does not take (it takes date, what and indicators).")]
    [TestCase("""{ "changeDates": [{ "date": "1999-12-31", "what": "Old" }] }""",
        "Setting 'changeDates[0].date' must be from 2000-01-01 to 2100-12-31; it is 1999-12-31.")]
    [TestCase("""{ "changeDates": [{ "date": "2025-09-01", "what": 7 }] }""",
        "Setting 'changeDates[0].what' must be text in quotes saying what changed; it is 7.")]
    public void A_bad_change_is_refused_with_one_sentence_naming_the_setting(string json, string message) =>
        Assert.That(() => IndicatorSettingsFile.Parse(json), Throws.TypeOf<InvalidSettingsException>().With.Message.EqualTo(message));

    [Test]
    public void A_long_description_is_refused_because_it_would_not_fit_on_a_chart() =>
        Assert.That(() => IndicatorSettingsFile.Parse($$"""{ "changeDates": [{ "date": "2025-09-01", "what": "{{new string('x', 61)}}" }] }"""),
            Throws.TypeOf<InvalidSettingsException>().With.Message.Contains("'changeDates[0].what' must be at most 60 characters"));
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Model;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators.Engine;

/// <summary>What a figure says when its data came from statutory returns that lack a source, or hold only its latest record.</summary>
public class ReturnsAvailabilityTests
{
    private static IndicatorDefinition Definition(string id) => IndicatorCatalogue.All.Single(i => i.Definition.Id == id).Definition;

    private static CaseData Council(Dictionary<DataSource, string> absent, Dictionary<DataSource, string> latestOnly) =>
        CouncilBuilder.AsAt(31.March(2025)).WithTeam("T1").FromReturns(absent, latestOnly)
            .WithChild("C1", c => c.Referred(7.January(2025)).OnCpPlan(3.February(2025), icpcOn: 3.February(2025)))
            .Build();

    [Test]
    public void A_source_the_returns_lack_is_not_available_from_these_sources_with_why()
    {
        var data = Council(new() { [DataSource.CpVisits] = "the CIN census and SSDA903 carry no child protection visits" }, []);

        Assert.That(IndicatorEngine.NotAvailableReason(Definition("SEEN-01"), data, new Month(2025, 2)),
            Is.EqualTo("Not available from these sources: the CIN census and SSDA903 carry no child protection visits."));
        Assert.That(IndicatorEngine.NotAvailableReason(Definition("RISK-05"), data, new Month(2025, 2)), Is.Null,
            "repeat CP plans read only plans, which the census carries");
    }

    [Test]
    public void A_source_holding_only_the_latest_record_is_measured_for_the_latest_month_only()
    {
        var data = Council([], new() { [DataSource.CpVisits] = "Annex A gives only each child's date of the last visit" });

        Assert.Multiple(() =>
        {
            Assert.That(IndicatorEngine.NotAvailableReason(Definition("SEEN-01"), data, new Month(2025, 3)), Is.Null);
            Assert.That(IndicatorEngine.NotAvailableReason(Definition("SEEN-01"), data, new Month(2025, 2)),
                Is.EqualTo("Not available for this month: Annex A gives only each child's date of the last visit, so only the latest month can be measured."));
        });
    }

    [Test]
    public void An_ssd_extract_without_a_table_says_the_extract_has_none()
    {
        var data = CouncilBuilder.AsAt(31.March(2025)).Without(DataSource.Contacts).Build();

        Assert.That(IndicatorEngine.NotAvailableReason(Definition("FRONT-01"), data, new Month(2025, 3)),
            Does.StartWith("Not available: the extract has no contacts (ssd_contacts)"));
    }

    [Test]
    public void A_source_with_no_front_door_starts_where_its_care_records_do()
    {
        // SSDA903 imported alone: no contacts or referrals, only periods of care.
        var data = CouncilBuilder.AsAt(31.March(2025))
            .WithChild("C1", c => c.LookedAfter(4.June(2024)).Placed(4.June(2024)))
            .Build();

        Assert.That(data.FirstMonth, Is.EqualTo(new Month(2024, 6)));
    }
}

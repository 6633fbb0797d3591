using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Pdf;
using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.Councillor;

/// <summary>reports/packs/councillor.yaml: the shipped file is valid, and every mistake names the file and line.</summary>
[TestFixture]
public sealed class CouncillorPackDefinitionTests
{
    private const string Source = "reports/packs/councillor.yaml";

    [Test]
    public void The_shipped_definition_covers_every_indicator_once_under_its_own_theme()
    {
        var definition = CouncillorPackDefinition.Load(Path.Combine(PdfTools.RepositoryRoot(), "reports"));
        var ids = definition.Sections.SelectMany(s => s.IndicatorIds).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(definition.Title, Is.EqualTo("Children's services monthly report for councillors"));
            Assert.That(ids, Is.EquivalentTo(IndicatorCatalogue.All.Select(i => i.Definition.Id)));
            Assert.That(definition.Sections.SelectMany(s => s.IndicatorIds.Select(id => (s.Theme, IndicatorCatalogue.Get(id).Definition.Theme))),
                Has.All.Matches<(Theme Section, Theme Indicator)>(p => p.Section == p.Indicator));
            Assert.That(definition.Sections[0].Heading, Is.EqualTo(Theme.Seen.Describe()), "the heading defaults to the theme's description");
        });
    }

    [Test]
    public void A_heading_replaces_the_themes_description()
    {
        var definition = CouncillorPackDefinition.Parse("title: T\nintro: I\nthemes:\n  - theme: care\n    heading: Our children in care\n    indicators: [CARE-01]\n", Source);
        Assert.That(definition.Sections.Single(), Is.EqualTo(new CouncillorSection(Theme.Care, "Our children in care", ["CARE-01"])).Using<CouncillorSection>(
            (a, b) => a.Theme == b.Theme && a.Heading == b.Heading && a.IndicatorIds.SequenceEqual(b.IndicatorIds)));
    }

    [TestCase("title: T\nintro: I\nthemes:\n  - theme: Seen\n    indicators: [SEEN-01, SEEN-99]\n", 5, "names an indicator that is not in the catalogue: 'SEEN-99'")]
    [TestCase("title: T\nintro: I\nthemes:\n  - theme: Seen\n    indicators: [SEEN-01]\n  - theme: Sene\n    indicators: [SEEN-02]\n", 6, "names an unknown theme 'Sene'")]
    [TestCase("title: T\nintro: I\nthemes:\n  - theme: Seen\n    indicators: [SEEN-01]\n  - theme: Risk\n    indicators:\n      - SEEN-01\n", 8, "lists SEEN-01 twice")]
    [TestCase("title: T\nintro: I\nthemes:\n  - theme: Seen\n    indicators: [SEEN-01\n", 6, "is not valid YAML")]
    [TestCase("title: T\nthemes:\n  - theme: Seen\n    indicators: [SEEN-01]\n", 1, "is missing 'intro'")]
    public void A_mistake_is_one_sentence_naming_the_file_and_line(string yaml, int line, string problem)
    {
        var e = Assert.Throws<PackDefinitionException>(() => CouncillorPackDefinition.Parse(yaml, Source));
        Assert.That(e!.Message, Does.StartWith($"{Source}, line {line}: the pack definition {problem}").And.EndWith("."));
    }
}

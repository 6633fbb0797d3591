using Dashboard.Core.Indicators.Catalogue;
using Dashboard.Core.Indicators.Engine;
using Dashboard.Core.Indicators.Settings;

namespace Dashboard.Core.Tests.Indicators.Catalogue;

public class CatalogueTests
{
    /// <summary>The ids of INDICATORS.md (first edition), in its order.</summary>
    private static readonly string[] Expected =
    [
        "FRONT-01", "FRONT-02", "FRONT-03", "FRONT-04", "FRONT-05", "RISK-01", "RISK-02", "RISK-03", "RISK-04", "RISK-05", "RISK-06",
        "SEEN-01", "SEEN-02", "SEEN-03", "SEEN-04", "PLANS-01", "PLANS-02", "PLANS-03", "PLANS-04", "PARTNERS-01", "PARTNERS-02",
        "PARTNERS-03", "OVERSIGHT-01", "OVERSIGHT-02", "WORKFORCE-01", "WORKFORCE-02", "CARE-01", "CARE-02", "CARE-03",
    ];

    private static IEnumerable<IndicatorDefinition> Definitions => IndicatorCatalogue.All.Select(i => i.Definition);

    [Test]
    public void The_catalogue_holds_every_indicator_of_INDICATORS_md_in_order() =>
        Assert.That(Definitions.Select(d => d.Id), Is.EqualTo(Expected));

    [TestCaseSource(nameof(Expected))]
    public void Every_indicator_explains_itself_in_full(string id)
    {
        var d = IndicatorCatalogue.Get(id).Definition;

        Assert.That(d.Id, Does.StartWith(d.Theme.Code() + "-"));
        Assert.That(new[] { d.Title, d.Definition, d.Numerator, d.Denominator }, Has.All.Not.Empty);
        Assert.That(d.Definition, Does.EndWith("."));
        Assert.That(d.Sources, Is.Not.Empty);
        Assert.That(d.DefaultTarget is null, Is.EqualTo(d.Polarity == Polarity.Neither), "context measures, and only they, have no target");
        Assert.That(d.ExceptionRows is null, Is.EqualTo(d.Polarity == Polarity.Neither || d.Unit == IndicatorUnit.Average),
            "every measure with failures says what its exception rows mean");
        foreach (var setting in d.StandardSettings) Assert.That(IndicatorSettingsFile.Render(IndicatorSettings.Default), Does.Contain($"\"{setting}\""));
    }

    [Test]
    public void England_comparators_are_those_DfE_published_for_2024_25_with_their_period_and_source()
    {
        var england = Definitions.Where(d => d.England is not null).ToDictionary(d => d.Id, d => d.England!);

        Assert.That(england.Keys, Is.EquivalentTo(new[] { "FRONT-03", "FRONT-04", "FRONT-05", "RISK-01", "RISK-04", "RISK-06" }));
        Assert.That(england["FRONT-03"].Value, Is.EqualTo(22.6m));
        Assert.That(england["FRONT-04"].Value, Is.EqualTo(6.5m));
        Assert.That(england["FRONT-05"].Value, Is.EqualTo(30.8m));
        Assert.That((england["RISK-01"].Value, england["RISK-01"].Derived), Is.EqualTo((85.7m, true)));
        Assert.That((england["RISK-04"].Value, england["RISK-04"].Derived), Is.EqualTo((81.4m, true)));
        Assert.That(england["RISK-06"].Value, Is.EqualTo(4.4m));
        Assert.That(england["FRONT-03"].Describe(IndicatorUnit.Percent),
            Is.EqualTo("22.6% (year ending 31 March 2025; DfE, Characteristics of children in need 2024-25)"));
    }

    [Test]
    public void Every_source_has_words_for_a_not_available_message() =>
        Assert.That(Enum.GetValues<Dashboard.Core.Indicators.Model.DataSource>().Select(SourceNames.Describe), Has.All.Contains("ssd_"));
}

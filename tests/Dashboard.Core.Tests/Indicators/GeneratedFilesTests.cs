using Dashboard.Core.Indicators.Docs;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Core.Tests.Indicators.Support;

namespace Dashboard.Core.Tests.Indicators;

/// <summary>Files generated from the catalogue's metadata must match it. Regenerate with UPDATE_DOCS=1.</summary>
public class GeneratedFilesTests
{
    [Test]
    public void Generated_docs_indicators_md_matches_the_catalogue() =>
        Repository.AssertGenerated(IndicatorDocs.Path, IndicatorDocs.Render());

    [Test]
    public void Generated_settings_defaults_file_matches_the_code_defaults() =>
        Repository.AssertGenerated(IndicatorSettingsFile.DefaultsPath, IndicatorSettingsFile.Render(IndicatorSettings.Default));
}

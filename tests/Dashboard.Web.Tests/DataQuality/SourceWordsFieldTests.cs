using Dashboard.Web.Services.DataQuality;

namespace Dashboard.Web.Tests.DataQuality;

public sealed class SourceWordsFieldTests
{
    [TestCase("cine_close_date", "close date")]
    [TestCase("clap_cla_placement_end_date", "looked-after placement end date")]
    [TestCase("cina_assessment_auth_date", "assessment authorisation date")]
    [TestCase("cppv_cp_visit_seen", "child protection visit seen")]
    [TestCase("plain", "plain")]
    public void A_source_column_reads_as_words_without_its_table_prefix_or_abbreviations(string column, string words) =>
        Assert.That(SourceWords.Field(column), Is.EqualTo(words));
}

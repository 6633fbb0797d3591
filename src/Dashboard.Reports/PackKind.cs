namespace Dashboard.Reports;

/// <summary>The packs the product makes (issue: packs). Each has a definition in reports/packs/&lt;name&gt;.yaml.</summary>
public enum PackKind
{
    /// <summary>Councillors' monthly PDF: plain-English summary and a page per theme, aggregates only, suppressed.</summary>
    Councillor,
    /// <summary>For an Ofsted monitoring visit: evidence per finding of the last letter (PDF, and its Excel twin).</summary>
    Monitoring,
    /// <summary>Ofsted's Annex A child-level lists, as a workbook.</summary>
    AnnexA,
}

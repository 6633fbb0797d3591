namespace Dashboard.Core.Ssd;

/// <summary>
/// The tables an import of statutory returns adds beside the SSD tables (ours, in SSD's style), so the ETL and the
/// data quality page know where the rows came from and what the returns could not supply. An SSD extract has none of
/// them; their absence means "an SSD extract".
/// </summary>
public static class SourceReturnTables
{
    /// <summary>One row per return imported: srcr_return ("CIN census", "SSDA903", "Annex A"), srcr_files (names joined
    /// by "; "), srcr_period (in words), srcr_records, srcr_rejected, srcr_reference_date (the latest reference date the
    /// files carry, ISO; the ETL loads the source as at the latest of them unless told otherwise), srcr_not_supported (a JSON
    /// object: indicator id to why the return cannot support it although it fills the tables it reads).</summary>
    public const string Returns = "ssd_ext_source_returns";

    /// <summary>One row per return and SSD table it filled: srct_return, srct_table, srct_coverage ("complete" or
    /// "latest only"), srct_note.</summary>
    public const string Tables = "ssd_ext_source_tables";

    /// <summary>Malformed elements or rows kept instead of loaded: rej_return, rej_file, rej_line, rej_element,
    /// rej_field, rej_reason, rej_original.</summary>
    public const string Rejections = "ssd_ext_import_rejections";

    /// <summary>Which returns named each child: pret_person_id, pret_return (for "which id joined" counts).</summary>
    public const string PersonReturns = "ssd_ext_person_returns";

    public const string Complete = "complete";

    public const string LatestOnly = "latest only";
}

using Dashboard.Core.Ssd;

namespace Dashboard.Returns;

/// <summary>How completely a return supplies one SSD table.</summary>
public enum TableCoverage
{
    /// <summary>Every row for the period the return covers (for example every CIN episode open in each census year).</summary>
    Complete,
    /// <summary>Only each child's latest record at the reference date (for example Annex A's "date of the last visit"):
    /// indicators reading it can be measured for the latest month only.</summary>
    LatestOnly,
}

/// <summary>One SSD table a return fills, how completely, and a note for the data quality page and docs.</summary>
public sealed record SuppliedTable(SsdTable Table, TableCoverage Coverage, string? Note = null);

/// <summary>What one return brought in: recorded in the output (table ssd_ext_source_returns) so the ETL and the
/// data quality page know which tables a return could not supply ("not available from these sources").</summary>
/// <param name="Return">Which return.</param>
/// <param name="Files">The file names read, in the order read.</param>
/// <param name="Period">The period the files cover, in words: "2021-22 to 2025-26", or "6 months to 31 March 2026".</param>
/// <param name="Tables">The SSD tables the return filled; every other table is "not available from these sources"
/// unless another return fills it.</param>
public sealed record ReturnProvenance(StatutoryReturn Return, IReadOnlyList<string> Files, string Period, IReadOnlyList<SuppliedTable> Tables)
{
    /// <summary>
    /// Indicators the return cannot support although it fills the tables they read (a column it lacks, records before its
    /// first year), by indicator id, with why as a clause ("the CIN census records no end date for a section 47 enquiry").
    /// Such an indicator is "not available from these sources" unless another return that fills those tables supports it.
    /// </summary>
    public IReadOnlyDictionary<string, string> NotSupported { get; init; } = new Dictionary<string, string>();
}

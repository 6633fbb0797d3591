namespace Dashboard.Returns;

/// <summary>Progress through the files of one return, by bytes read (so a progress bar moves smoothly on one big file).</summary>
public sealed record ImportProgress(StatutoryReturn Return, string File, long BytesDone, long BytesTotal);

/// <summary>What importing one return did.</summary>
/// <param name="Records">Records read (children, episode rows, list rows), whether written or rejected.</param>
/// <param name="Rejected">Malformed elements or rows kept in ssd_ext_import_rejections instead of loaded.</param>
public sealed record ReturnImportSummary(ReturnProvenance Provenance, long Records, long Rejected)
{
    /// <summary>The latest reference date the files carry (a census's 31 March, Annex A's reference date), when known: the
    /// extract date to load the output with.</summary>
    public DateOnly? ReferenceDate { get; init; }
}

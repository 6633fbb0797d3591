namespace Dashboard.Reports.AnnexA;

/// <summary>What one list of the workbook holds.</summary>
public sealed record AnnexAListSummary(int Number, string SheetName, string Holds, long Rows, IReadOnlyList<UnfilledColumn> Unfilled);

/// <summary>What the Annex A workbook holds: the reference date and window, and each list's rows and blank columns.</summary>
public sealed record AnnexASummary(string CouncilName, AnnexAWindow Window, IReadOnlyList<AnnexAListSummary> Lists)
{
    public long TotalRows => Lists.Sum(l => l.Rows);
}

/// <summary>The warehouse has no successful load, so there is no reference date to build Annex A for.</summary>
public sealed class AnnexANoDataException : Pdf.PackException
{
    public AnnexANoDataException()
        : base("The warehouse has no successful load yet, so there is no data to build Annex A from: run the ETL first.") { }

    public AnnexANoDataException(string message) : base(message) { }

    public AnnexANoDataException(string message, Exception innerException) : base(message, innerException) { }
}

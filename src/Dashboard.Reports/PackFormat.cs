namespace Dashboard.Reports;

/// <summary>The file a pack is written as.</summary>
public enum PackFormat
{
    Pdf,
    Xlsx,
}

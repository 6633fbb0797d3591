namespace Dashboard.Returns.CinCensus;

/// <summary>The census's own value forms, turned into the SSD contract's (beside the shared <see cref="ReturnValues"/>).</summary>
internal static class CinValues
{
    /// <summary>
    /// The census codes sex as numbers (GenderCurrent: 1 male, 2 female, 0 not known, 9 not specified, the ISO/IEC 5218
    /// codes the DfE's common basic data set uses); the SSD as M, F, U, I. 0 becomes U (unknown) and 9 I (neither male
    /// nor female recorded). Letters already in the SSD's form pass through; anything else is given back as found, so
    /// the ETL quarantines it naming the field.
    /// </summary>
    public static string? Sex(string? raw) => ReturnValues.Code(raw) switch
    {
        null => null,
        "1" or "M" or "MALE" => "M",
        "2" or "F" or "FEMALE" => "F",
        "0" or "U" or "UNKNOWN" or "NOT KNOWN" => "U",
        "9" or "I" or "NOT SPECIFIED" or "INDETERMINATE" => "I",
        var other => other,
    };

    /// <summary>The census's number for an SSD sex code (the inverse of <see cref="Sex"/>), for the writer.</summary>
    public static string? GenderCurrent(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        "M" => "1",
        "F" => "2",
        "U" => "0",
        "I" => "9",
        _ => null,
    };

    /// <summary>The 2024-25 census's Sex for an SSD sex code: M, F, or U for anything else recorded (the census's list
    /// has no fourth value).</summary>
    public static string? SexCode(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "M" => "M",
        "F" => "F",
        _ => "U",
    };

    /// <summary>Assessment factor 21, "No factors identified": the assessment found the child not in need of
    /// children's social care services.</summary>
    public const string NoFactorsIdentified = "21";

    /// <summary>Closure after assessment: RC8 no further action, RC9 referred to early help.</summary>
    public static bool ClosedAfterAssessment(string? reason) => reason is "RC8" or "RC9";
}

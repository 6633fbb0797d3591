namespace Dashboard.Returns.Ssda903;

/// <summary>The files of an SSDA903 return (DfE "Children looked after return" file specification).</summary>
public enum Ssda903FileKind
{
    Header,
    Episodes,
    Reviews,
    Uasc,
    Oc2,
    Oc3,
    Ad1,
    PlacedForAdoption,
    PreviousPermanence,
    Missing,
    SocialWorkerEpisodes,
}

/// <summary>
/// How each file is named and which columns it must have. A file is recognised by its name (case-insensitive, with the
/// year and any "ssda903" prefix taken away: header_2025.csv, SSDA903_Episodes_2024-25.csv, 2024-25/reviews.csv) and,
/// failing that, by a column only that file has in its header row.
/// </summary>
internal static class Ssda903Files
{
    /// <summary>The columns the importer reads from each file (others are allowed and ignored).</summary>
    public static IReadOnlyList<string> RequiredColumns(Ssda903FileKind kind) => kind switch
    {
        Ssda903FileKind.Header => ["CHILD", "SEX", "DOB", "ETHNIC"],
        Ssda903FileKind.Episodes => ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"],
        Ssda903FileKind.Reviews => ["CHILD", "REVIEW", "REVIEW_CODE"],
        Ssda903FileKind.Uasc => ["CHILD", "SEX", "DOB", "DUC"],
        Ssda903FileKind.Oc3 => ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        _ => ["CHILD"],
    };

    private static readonly Dictionary<string, Ssda903FileKind> Names = new(StringComparer.Ordinal)
    {
        ["header"] = Ssda903FileKind.Header,
        ["episodes"] = Ssda903FileKind.Episodes,
        ["episode"] = Ssda903FileKind.Episodes,
        ["reviews"] = Ssda903FileKind.Reviews,
        ["review"] = Ssda903FileKind.Reviews,
        ["uasc"] = Ssda903FileKind.Uasc,
        ["oc2"] = Ssda903FileKind.Oc2,
        ["oc3"] = Ssda903FileKind.Oc3,
        ["ad1"] = Ssda903FileKind.Ad1,
        ["placedforadoption"] = Ssda903FileKind.PlacedForAdoption,
        ["placedadoption"] = Ssda903FileKind.PlacedForAdoption,
        ["previouspermanence"] = Ssda903FileKind.PreviousPermanence,
        ["prevperm"] = Ssda903FileKind.PreviousPermanence,
        ["missing"] = Ssda903FileKind.Missing,
        ["swepisodes"] = Ssda903FileKind.SocialWorkerEpisodes,
        ["socialworkerepisodes"] = Ssda903FileKind.SocialWorkerEpisodes,
    };

    /// <summary>A column that only one file has, so a file named otherwise is still known by its header row.</summary>
    private static readonly (string Column, Ssda903FileKind Kind)[] Signatures =
    [
        // SW_ID first: some social worker episode files carry a DECOM column too.
        ("SW_ID", Ssda903FileKind.SocialWorkerEpisodes), ("DECOM", Ssda903FileKind.Episodes), ("REVIEW_CODE", Ssda903FileKind.Reviews), ("DUC", Ssda903FileKind.Uasc),
        ("IN_TOUCH", Ssda903FileKind.Oc3), ("CONVICTED", Ssda903FileKind.Oc2), ("SDQ_SCORE", Ssda903FileKind.Oc2),
        ("DATE_INT", Ssda903FileKind.Ad1), ("DATE_PLACED", Ssda903FileKind.PlacedForAdoption),
        ("PREV_PERM", Ssda903FileKind.PreviousPermanence), ("MIS_START", Ssda903FileKind.Missing),
        ("ETHNIC", Ssda903FileKind.Header),
    ];

    /// <summary>The file kind its name says, or null.</summary>
    public static Ssda903FileKind? ByName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        name = CollectionYears.Strip(name).Replace("ssda903", "", StringComparison.Ordinal).Replace("903", "", StringComparison.Ordinal);
        var letters = new string([.. name.Where(char.IsAsciiLetterOrDigit)]);
        return Names.TryGetValue(letters, out var kind) ? kind : null;
    }

    /// <summary>The file kind its header row says, or null.</summary>
    public static Ssda903FileKind? ByColumns(IReadOnlyCollection<string> columns)
    {
        foreach (var (column, kind) in Signatures)
        {
            if (columns.Contains(column, StringComparer.OrdinalIgnoreCase)) return kind;
        }
        return null;
    }
}

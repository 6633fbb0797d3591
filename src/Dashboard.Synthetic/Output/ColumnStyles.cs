using Dashboard.Core.Ssd;

namespace Dashboard.Synthetic.Output;

/// <summary>How a column's value is written as text.</summary>
internal enum ColumnStyle
{
    AsIs,
    Date,
    DateTime,
    FlagYN,
    FlagYesNo,
    FlagOneZero,
    FlagTrueFalse,
}

/// <summary>
/// The mess of a real extract, fixed per column so that every run writes the same: most dates are
/// 'YYYY-MM-DD' but the tables a council extracts as datetime carry 'YYYY-MM-DD 00:00:00'; most flags are
/// 'Y'/'N' but a few columns come from systems that write 'Yes'/'No', '1'/'0' (a bit column) or 'true'/'false'.
/// </summary>
internal static class ColumnStyles
{
    /// <summary>Tables whose dates are written with a midnight time.</summary>
    private static readonly HashSet<string> DateTimeTables = new(StringComparer.Ordinal)
    {
        "ssd_cin_episodes", "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cla_episodes", "ssd_cla_placement",
        "ssd_involvements", "ssd_cp_visits", "ssd_ext_meeting_attendance",
    };

    /// <summary>Single columns that differ from their table.</summary>
    private static readonly HashSet<string> DateTimeColumns = new(StringComparer.Ordinal)
    {
        "pers_expected_dob", "clea_pathway_plan_review_date", "cppr_cp_review_due",
    };

    private static readonly Dictionary<string, ColumnStyle> FlagColumns = new(StringComparer.Ordinal)
    {
        ["prof_agency_worker_flag"] = ColumnStyle.FlagYesNo,
        ["clea_care_leaver_accom_suitable"] = ColumnStyle.FlagYesNo,
        ["cppl_cp_plan_ola"] = ColumnStyle.FlagOneZero,
        ["icpc_icpc_transfer_in"] = ColumnStyle.FlagOneZero,
        ["clar_cla_review_cancelled"] = ColumnStyle.FlagTrueFalse,
    };

    public static ColumnStyle For(SsdTable table, SsdColumn column) => column.Kind switch
    {
        SsdKind.Date => DateTimeTables.Contains(table.Name) || DateTimeColumns.Contains(column.Name)
            ? ColumnStyle.DateTime
            : ColumnStyle.Date,
        SsdKind.Flag => FlagColumns.GetValueOrDefault(column.Name, ColumnStyle.FlagYN),
        _ => ColumnStyle.AsIs,
    };

    private static readonly byte[][] FlagText =
    [
        "N"u8.ToArray(), "Y"u8.ToArray(), "No"u8.ToArray(), "Yes"u8.ToArray(), "0"u8.ToArray(), "1"u8.ToArray(),
        "false"u8.ToArray(), "true"u8.ToArray(),
    ];

    /// <summary>A flag as the column writes it, as ASCII.</summary>
    public static ReadOnlySpan<byte> Flag(ColumnStyle style, bool value) => FlagText[(style switch
    {
        ColumnStyle.FlagYesNo => 2,
        ColumnStyle.FlagOneZero => 4,
        ColumnStyle.FlagTrueFalse => 6,
        _ => 0,
    }) + (value ? 1 : 0)];

    /// <summary>The SQLite column type: INTEGER for whole numbers, REAL for numbers, TEXT for the rest.</summary>
    public static string SqlType(SsdColumn column) => column.Kind switch
    {
        SsdKind.WholeNumber => "INTEGER",
        SsdKind.Number => "REAL",
        _ => "TEXT",
    };
}

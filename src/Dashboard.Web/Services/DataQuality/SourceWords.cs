using System.Text.RegularExpressions;

namespace Dashboard.Web.Services.DataQuality;

/// <summary>
/// The one place the data quality pages turn the load's technical names into words for people who are not analysts:
/// source tables ("ssd_cin_visits": "visits to children in need") and the rules a rejected row broke ("date_future":
/// "a date is later than the day of the extract"). Analysts also see the technical name, to find it in the source.
/// A name with no entry (a table or rule added later) is shown as it is rather than hidden.
/// </summary>
public static partial class SourceWords
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ssd_person"] = "children and young people (their details)",
        ["ssd_disability"] = "children's disabilities",
        ["ssd_department"] = "teams",
        ["ssd_professionals"] = "social workers and other staff",
        ["ssd_involvements"] = "workers allocated to children",
        ["ssd_contacts"] = "contacts about children",
        ["ssd_early_help_episodes"] = "early help episodes",
        ["ssd_cin_episodes"] = "referrals (children in need episodes)",
        ["ssd_cin_assessments"] = "assessments",
        ["ssd_cin_plans"] = "child in need plans",
        ["ssd_cin_visits"] = "visits to children in need",
        ["ssd_s47_enquiry"] = "section 47 enquiries",
        ["ssd_initial_cp_conference"] = "initial child protection conferences",
        ["ssd_cp_plans"] = "child protection plans",
        ["ssd_cp_visits"] = "visits to children on child protection plans",
        ["ssd_cp_reviews"] = "child protection review conferences",
        ["ssd_cla_episodes"] = "periods in care",
        ["ssd_cla_placement"] = "placements of children in care",
        ["ssd_cla_reviews"] = "reviews of children in care",
        ["ssd_cla_visits"] = "visits to children in care",
        ["ssd_legal_status"] = "legal statuses of children in care",
        ["ssd_care_leavers"] = "care leavers",
        ["ssd_ext_meeting_attendance"] = "who attended meetings and conferences",
        ["ssd_ext_management_oversight"] = "managers' oversight of cases",
    };

    private static readonly Dictionary<string, string> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["required"] = "Something that must be filled in was empty.",
        ["date_unparseable"] = "A date could not be read as a date.",
        ["date_future"] = "A date is later than the day of the extract.",
        ["date_order"] = "An end date is before its start date.",
        ["code_unknown"] = "A code is not one of the codes the returns allow.",
        ["flag_unparseable"] = "A yes/no answer was neither yes nor no.",
        ["number_unparseable"] = "A number could not be read as a number.",
        ["json_unparseable"] = "A list of details could not be read.",
        ["reference_unresolved"] = "It refers to a record (a child, a worker, a team or an earlier step) that is not in the extract.",
        ["duplicate_key"] = "The same record was sent twice.",
    };

    /// <summary>The tables and rules the mapping knows, for the tests that hold it complete.</summary>
    public static IReadOnlyCollection<string> KnownTables => Tables.Keys;

    public static IReadOnlyCollection<string> KnownRules => Rules.Keys;

    /// <summary>"visits to children in need" for ssd_cin_visits; the name itself when unknown.</summary>
    public static string Table(string name) => Tables.GetValueOrDefault(name, name);

    /// <summary>The table's words with a capital, for the start of a cell.</summary>
    public static string TableHeading(string name)
    {
        var words = Table(name);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// A source column in words: "cine_close_date" is "close date". SSD names start with the table's short prefix
    /// (cine_, cppv_, clap_), which says nothing to a reader, so it is dropped.
    /// </summary>
    public static string Field(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        var rest = underscore > 0 && underscore < name.Length - 1 ? name[(underscore + 1)..] : name;
        return string.Join(' ', rest.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => FieldWords.GetValueOrDefault(w, w)));
    }

    // The abbreviations SSD column names use, as the pages spell them out.
    private static readonly Dictionary<string, string> FieldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cla"] = "looked-after", ["cp"] = "child protection", ["cin"] = "child in need", ["auth"] = "authorisation",
        ["dob"] = "date of birth", ["s47"] = "section 47", ["icpc"] = "initial conference", ["accom"] = "accommodation",
        ["ola"] = "other local authority", ["nfa"] = "no further action", ["iro"] = "reviewing officer",
    };

    /// <summary>The rule as a sentence; the name itself when unknown.</summary>
    public static string Rule(string name) => Rules.GetValueOrDefault(name, name);

    /// <summary>
    /// Where the load read from, without the file's path (which says where the server keeps its files) or the
    /// database's address: "the case system's extract file (SQLite)". Analysts see a SQL Server's server and database.
    /// </summary>
    public static string Source(string provider, string description, bool technical) => provider switch
    {
        "Sqlite" => "the case system's extract file (SQLite)",
        "SqlServer" => technical ? $"the case system's database on SQL Server ({WithoutPaths(description)})" : "the case system's database (SQL Server)",
        _ => "the case system's extract",
    };

    /// <summary>A message with any file path on the server replaced by "(a file on the server)".</summary>
    public static string WithoutPaths(string? text) =>
        string.IsNullOrEmpty(text) ? "" : FilePath().Replace(text, "(a file on the server)");

    // Unix paths of two or more parts (/var/lib/x.db) and Windows paths (C:\data\x.db, \\server\share\x).
    [GeneratedRegex(@"(?<![\w:/.])(?:/[\w.\-@~+]+){2,}/?|[A-Za-z]:\\[^\s'"",;]+|\\\\[^\s'"",;]+", RegexOptions.CultureInvariant)]
    private static partial Regex FilePath();
}

using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// The Annex A queries look up each child's visits, reviews, allocations and earlier records by id, and an SSD extract
/// carries no indexes (the synthetic council's has none; a council's read-only copy may not either): without them the
/// lookups are quadratic and a small council takes minutes. The tables they look into are copied into the connection's
/// TEMP schema with indexes on those ids; SQLite resolves an unqualified table name to TEMP first, so the queries use the
/// copies unchanged, and the source (opened read only) is never written. Disposing drops the copies.
/// </summary>
internal sealed class LookupIndexes : IDisposable
{
    private static readonly (string Table, string[] Columns)[] Lookups =
    [
        ("ssd_person", ["pers_person_id"]),
        ("ssd_disability", ["disa_person_id"]),
        ("ssd_department", ["dept_team_id"]),
        ("ssd_professionals", ["prof_professional_id"]),
        ("ssd_involvements", ["invo_person_id"]),
        ("ssd_cin_episodes", ["cine_person_id"]),
        ("ssd_cin_visits", ["cinv_person_id"]),
        ("ssd_s47_enquiry", ["s47e_person_id"]),
        ("ssd_initial_cp_conference", ["icpc_person_id", "icpc_s47_enquiry_id", "icpc_icpc_id"]),
        ("ssd_cp_plans", ["cppl_person_id"]),
        ("ssd_cp_visits", ["cppv_cp_plan_id"]),
        ("ssd_cp_reviews", ["cppr_cp_plan_id"]),
        ("ssd_legal_status", ["lega_person_id"]),
        ("ssd_cla_placement", ["clap_cla_id"]),
        ("ssd_cla_visits", ["clav_cla_id"]),
        ("ssd_cla_reviews", ["clar_cla_id"]),
    ];

    private readonly SqliteConnection _connection;

    private LookupIndexes(SqliteConnection connection) => _connection = connection;

    public static LookupIndexes Create(SqliteConnection source)
    {
        var indexes = new LookupIndexes(source);
        foreach (var (table, columns) in Lookups)
        {
            indexes.Execute($"DROP TABLE IF EXISTS temp.\"{table}\"; CREATE TEMP TABLE \"{table}\" AS SELECT * FROM main.\"{table}\";");
            foreach (var column in columns) indexes.Execute($"CREATE INDEX temp.\"ix_{table}_{column}\" ON \"{table}\" (\"{column}\");");
        }
        return indexes;
    }

    public void Dispose()
    {
        foreach (var (table, _) in Lookups) Execute($"DROP TABLE IF EXISTS temp.\"{table}\";");
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Data.Common;
using System.Globalization;
using Dashboard.Etl.Load;

namespace Dashboard.Etl.Conform;

/// <summary>The warehouse's current surrogate keys, read before conforming so existing rows keep theirs.</summary>
public sealed class DimensionState
{
    public Dictionary<string, long> Children { get; } = new(StringComparer.Ordinal);
    public long MaxChildKey { get; private set; }
    public Dictionary<string, long> Teams { get; } = new(StringComparer.Ordinal);
    public long MaxTeamKey { get; private set; }

    /// <summary>Keyed by professional_id|valid_from (see <see cref="WorkerDimension.BusinessKey"/>).</summary>
    public Dictionary<string, long> Workers { get; } = new(StringComparer.Ordinal);
    public long MaxWorkerKey { get; private set; }
    public Dictionary<string, long> Agencies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<DimensionState> ReadAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        const string ChildKeys = "SELECT person_id, child_key FROM dim_child WHERE child_key <> 0";
        const string MaxChild = "SELECT COALESCE(MAX(child_key), 0) FROM dim_child";
        const string TeamKeys = "SELECT team_id, team_key FROM dim_team WHERE team_key <> 0";
        const string MaxTeam = "SELECT COALESCE(MAX(team_key), 0) FROM dim_team";
        const string WorkerKeys = "SELECT professional_id, valid_from, worker_key FROM dim_worker WHERE worker_key <> 0";
        const string MaxWorker = "SELECT COALESCE(MAX(worker_key), 0) FROM dim_worker";
        const string AgencyKeys = "SELECT agency_code, agency_key FROM dim_agency";

        var state = new DimensionState();
        await ReadPairsAsync(connection, transaction, ChildKeys, state.Children, r => Text(r.GetValue(0)), ct);
        await ReadPairsAsync(connection, transaction, TeamKeys, state.Teams, r => Text(r.GetValue(0)), ct);
        await ReadPairsAsync(connection, transaction, WorkerKeys, state.Workers, r => Text(r.GetValue(0)) + "|" + Text(r.GetValue(1)), ct);
        await ReadPairsAsync(connection, transaction, AgencyKeys, state.Agencies, r => Text(r.GetValue(0)), ct);
        state.MaxChildKey = await MaxAsync(connection, transaction, MaxChild, ct);
        state.MaxTeamKey = await MaxAsync(connection, transaction, MaxTeam, ct);
        state.MaxWorkerKey = await MaxAsync(connection, transaction, MaxWorker, ct);
        return state;
    }

    private static async Task ReadPairsAsync(
        DbConnection connection, DbTransaction transaction, string sql, Dictionary<string, long> into, Func<DbDataReader, string> key, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keyOrdinal = reader.FieldCount - 1;
        while (await reader.ReadAsync(ct))
        {
            into[key(reader)] = Convert.ToInt64(reader.GetValue(keyOrdinal), CultureInfo.InvariantCulture);
        }
    }

    private static async Task<long> MaxAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct) =>
        Convert.ToInt64(await Sql.ScalarAsync(connection, transaction, sql, ct) ?? 0L, CultureInfo.InvariantCulture);

    // A date column read back from SQL Server is a DateTime; from SQLite it is ISO text already.
    private static string Text(object value) => value switch
    {
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

using System.Data.Common;
using Dashboard.Data;
using Dashboard.Etl.Validation;

namespace Dashboard.Etl.Load;

/// <summary>
/// The run's session staging tables (SQLite TEMP tables, SQL Server #temp tables), one per target plus one
/// for the quarantine. Staging writes nothing the readers can see: the warehouse's own tables change only in
/// the swap transaction.
/// </summary>
public sealed class StagingArea(DbConnection connection, ISqlDialect dialect, IBulkWriter writer)
{
    private const string Prefix = "stg_";

    /// <summary>etl_quarantine's columns as the ETL writes them (quarantine_id is assigned by the warehouse).</summary>
    public static readonly IReadOnlyList<string> QuarantineColumns =
        ["load_id", "source_table", "business_key", "field", "value", "rule", "message", "row_json", "outcome"];

    public const string QuarantineTable = "etl_quarantine";

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The staging table of a target (created by <see cref="CreateAsync"/>).</summary>
    public string NameOf(string target) => _names[target];

    /// <summary>Creates an empty staging table shaped like the target (dropping a leftover one first).</summary>
    public async Task<string> CreateAsync(DbTransaction transaction, string target, CancellationToken ct)
    {
        var (create, name) = dialect.CreateStagingLike(target, Prefix + target);
        await Sql.ExecuteAsync(connection, transaction, dialect.DropStaging(name), ct);
        await Sql.ExecuteAsync(connection, transaction, create, ct);
        _names[target] = name;
        return name;
    }

    /// <summary>Streams rows into a target's staging table; returns how many were written.</summary>
    public Task<long> WriteAsync(DbTransaction transaction, TargetTable target, IEnumerable<object?[]> rows, CancellationToken ct) =>
        writer.WriteAsync(connection, transaction, NameOf(target.Name), target.StagingColumns, rows, ct);

    /// <summary>Indexes a staging table on its business key and row_hash, for the swap's lookups.</summary>
    public async Task IndexAsync(DbTransaction transaction, TargetTable target, CancellationToken ct)
    {
        var name = NameOf(target.Name);
        // SQLite puts an index in its table's schema by naming the index, not the table, with the schema.
        var dot = name.LastIndexOf('.');
        var (indexName, tableName) = dot > 0 && !name.StartsWith('#')
            ? ($"{name[..(dot + 1)]}ix_{Prefix}{target.Name}", name[(dot + 1)..])
            : ($"ix_{Prefix}{target.Name}", name);
        var columns = string.Join(", ", target.Key.Append(TargetTable.RowHashColumn));
        await Sql.ExecuteAsync(connection, transaction, $"CREATE INDEX {indexName} ON {tableName} ({columns})", ct);
    }

    /// <summary>Appends quarantined rows to the quarantine's staging table.</summary>
    public async Task WriteQuarantineAsync(DbTransaction transaction, long loadId, IReadOnlyCollection<QuarantineRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var rows = records.Select(r => new object?[]
        {
            loadId, r.SourceTable, r.BusinessKey, r.Field, r.Value, r.Rule.Name(), r.Message, r.RowJson, r.Outcome.Name(),
        });
        await writer.WriteAsync(connection, transaction, NameOf(QuarantineTable), QuarantineColumns, rows, ct);
    }

    /// <summary>Drops every staging table; best effort (they are session tables and vanish with the connection).</summary>
    public async Task DropAllAsync()
    {
        foreach (var name in _names.Values)
        {
            try
            {
                await Sql.ExecuteAsync(connection, null, dialect.DropStaging(name), CancellationToken.None);
            }
            catch (DbException)
            {
                // The connection is going away; its session tables go with it.
            }
            catch (InvalidOperationException)
            {
                // Same: a broken or busy connection.
            }
        }
        _names.Clear();
    }
}

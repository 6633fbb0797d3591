using System.Data.Common;
using Dapper;
using Dashboard.Core.Codes;
using Dashboard.Data.Migrations;
using Dashboard.Data.Seeding;

namespace Dashboard.Data;

/// <summary>Brings a warehouse to the current schema and fills the dimensions that come from code
/// rather than from a source: dim_date (2000-2040 with working days and bank holidays), dim_code and
/// dim_agency (from Core's code lists). Safe to run before every load.</summary>
public static class WarehouseSetup
{
    private const string CountDates = "SELECT COUNT(*) FROM dim_date WHERE date_key <> 0";
    private const string DeleteDates = "DELETE FROM dim_date WHERE date_key <> 0";
    private const string DeleteCodes = "DELETE FROM dim_code";
    private const string SelectAgencies = "SELECT agency_key AS \"Key\", agency_code AS Code, agency_name AS Name FROM dim_agency";
    private const string UpdateAgency = "UPDATE dim_agency SET agency_name = @Name WHERE agency_key = @Key";
    private const string InsertAgency = "INSERT INTO dim_agency (agency_key, agency_code, agency_name) VALUES (@Key, @Code, @Name)";

    private static readonly string[] CodeColumns = ["code_list", "code", "label"];

    /// <summary>Migrates and seeds; returns the scripts applied now.</summary>
    /// <remarks>dim_date is written only when it does not already hold every day of 2000-2040. dim_code is
    /// replaced whole. dim_agency keeps the key of every code it already has (facts refer to it) and gives a
    /// new code the next key; on an empty warehouse the keys are 1..n in ordinal order of the code.</remarks>
    public static async Task<IReadOnlyList<string>> PrepareAsync(IConnectionFactory connections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var applied = await new MigrationRunner(connections).ApplyAsync(cancellationToken);
        var writer = connections.BulkWriter;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SeedDatesAsync(connection, writer, cancellationToken);
        await SeedCodesAsync(connection, writer, cancellationToken);
        await SeedAgenciesAsync(connection, cancellationToken);
        return applied;
    }

    private static async Task SeedDatesAsync(DbConnection connection, IBulkWriter writer, CancellationToken cancellationToken)
    {
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountDates, cancellationToken: cancellationToken));
        if (count == DateDimension.DayCount) return;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteDates, transaction: transaction, cancellationToken: cancellationToken));
        await writer.WriteAsync(connection, transaction, "dim_date", DateDimension.Columns, DateDimension.Rows(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SeedCodesAsync(DbConnection connection, IBulkWriter writer, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        foreach (var list in CodeLists.Names.Order(StringComparer.Ordinal))
        {
            foreach (var (code, label) in CodeLists.Get(list).OrderBy(c => c.Key, StringComparer.Ordinal)) rows.Add([list, code, label]);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteCodes, transaction: transaction, cancellationToken: cancellationToken));
        await writer.WriteAsync(connection, transaction, "dim_code", CodeColumns, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SeedAgenciesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = (await connection.QueryAsync<Agency>(new CommandDefinition(SelectAgencies, transaction: transaction,
            cancellationToken: cancellationToken))).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var next = existing.Count == 0 ? 1 : Math.Max(1, existing.Values.Max(a => a.Key) + 1);
        foreach (var (code, name) in CodeLists.Get(CodeLists.Agency).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (existing.TryGetValue(code, out var known))
            {
                if (known.Name != name)
                {
                    await connection.ExecuteAsync(new CommandDefinition(UpdateAgency, new { known.Key, Name = name }, transaction,
                        cancellationToken: cancellationToken));
                }
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(InsertAgency, new { Key = next++, Code = code, Name = name }, transaction,
                cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A settable row so Dapper widens SQL Server's INT to long (a record's constructor must match exactly).</summary>
    private sealed class Agency
    {
        public long Key { get; set; }

        public string Code { get; set; } = "";

        public string Name { get; set; } = "";
    }
}

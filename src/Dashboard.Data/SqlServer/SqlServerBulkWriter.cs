using System.Data;
using System.Data.Common;
using System.Text;
using Dashboard.Data.Internal;
using Microsoft.Data.SqlClient;

namespace Dashboard.Data.SqlServer;

/// <summary>
/// SqlBulkCopy with a table lock, batches of 10,000, column mappings by name, KeepIdentity (a key the caller
/// supplies is kept, as SQLite keeps one; leave the key column out to have it assigned) and CheckConstraints
/// (foreign keys and CHECKs are enforced and stay trusted, as for any INSERT). Rows stream
/// through <see cref="ObjectRowDataReader"/>, so memory stays flat however many rows there are. Values are
/// converted once per value to what the destination column holds (DateOnly to DATE, ISO text to
/// DATETIMEOFFSET, bool to 1/0...), read from the destination's own metadata.
/// </summary>
internal sealed class SqlServerBulkWriter : IBulkWriter
{
    public const int BatchSize = 10_000;

    public static readonly SqlServerBulkWriter Instance = new();

    public async Task<long> WriteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (connection is not SqlConnection sql)
        {
            throw new ArgumentException("The SQL Server bulk writer needs a SqlConnection.", nameof(connection));
        }
        if (transaction is not null and not SqlTransaction)
        {
            throw new ArgumentException("The SQL Server bulk writer needs a SqlTransaction.", nameof(transaction));
        }
        if (columns.Count == 0) throw new ArgumentException("Name at least one column.", nameof(columns));
        SqlNames.Table(table, nameof(table));

        var own = transaction is null ? (SqlTransaction)await sql.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var active = (SqlTransaction?)transaction ?? own!;
            var targetTypes = await DestinationTypesAsync(sql, active, table, columns, cancellationToken);
            await using var reader = new ObjectRowDataReader(columns, targetTypes, rows);
            using var bulk = new SqlBulkCopy(sql, SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints, active)
            {
                DestinationTableName = table,
                BatchSize = BatchSize,
                BulkCopyTimeout = 0,
            };
            foreach (var column in columns) bulk.ColumnMappings.Add(column, column);
            await bulk.WriteToServerAsync(reader, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return reader.RowsRead;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The CLR type SQL Server reports for each named column of the destination (works for #temp too).</summary>
    private static async Task<Type[]> DestinationTypesAsync(SqlConnection connection, SqlTransaction transaction, string table,
        IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(DestinationTypesSql(table, columns), connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken);
        var types = new Type[columns.Count];
        for (var c = 0; c < types.Length; c++) types[c] = reader.GetFieldType(c);
        return types;
    }

    /// <summary>The statement that reads the destination's column types: no rows, just the named columns.</summary>
    internal static string DestinationTypesSql(string table, IReadOnlyList<string> columns)
    {
        var sql = new StringBuilder("SELECT TOP (0) ");
        for (var c = 0; c < columns.Count; c++) sql.Append(c == 0 ? "" : ", ").Append(SqlNames.Quoted(columns[c], nameof(columns)));
        return sql.Append(" FROM ").Append(SqlNames.Table(table, nameof(table))).ToString();
    }
}

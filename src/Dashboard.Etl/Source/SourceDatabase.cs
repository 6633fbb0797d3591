using System.Data.Common;
using Dashboard.Core.Ssd;
using Dashboard.Data;
using Microsoft.Data.SqlClient;
using Dashboard.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dashboard.Etl.Source;

/// <summary>What the source holds of one contract table.</summary>
/// <param name="Present">False for an absent (or, for an extension table, incomplete) table.</param>
/// <param name="Rows">The row count when the schema was checked (for progress only).</param>
/// <param name="Warning">An absent or empty extension table, or an empty early help table.</param>
public sealed record SourceTableStatus(SsdTable Table, bool Present, long Rows, string? Warning);

/// <summary>
/// The council's SSD-shaped reporting database, opened read only through plain ADO.NET. Reads select exactly
/// the contract's columns by name (quoted for the provider) and stream through a DbDataReader (SQLite: through
/// <see cref="SqliteRowReader"/> on a read-only handle of its own, <see cref="SqliteRowSource"/>, which gives the same
/// values faster). For SQLite the whole extract runs in one read transaction, so every table comes from the same
/// snapshot (the rows' on that handle, the schema's and counts' on the connection).
/// </summary>
public sealed class SourceDatabase : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _snapshot;
    private SqliteRowSource? _rowSource;
    private bool _rowSourceTried;

    private SourceDatabase(DatabaseTarget target, DbConnection connection, DbTransaction? snapshot)
    {
        Target = target;
        _connection = connection;
        _snapshot = snapshot;
    }

    public DatabaseTarget Target { get; }

    /// <summary>Ids compare as SQL Server compares them (case-insensitive collations) or as SQLite does (binary).</summary>
    public StringComparer KeyComparer => Target.Provider == DatabaseProvider.SqlServer ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static async Task<SourceDatabase> OpenAsync(DatabaseTarget target, CancellationToken ct)
    {
        var description = Describe(target);
        DbConnection connection;
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(SqliteConnectionString(target)) { Mode = SqliteOpenMode.ReadOnly };
            var file = builder.DataSource;
            if (string.IsNullOrWhiteSpace(file) || (!file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !File.Exists(file)))
            {
                throw new EtlException($"Cannot open the source database {description}: file not found.");
            }
            connection = new SqliteConnection(builder.ConnectionString);
        }
        else
        {
            var builder = new SqlConnectionStringBuilder(target.ConnectionString) { ApplicationIntent = ApplicationIntent.ReadOnly };
            connection = new SqlConnection(builder.ConnectionString);
        }
        try
        {
            await connection.OpenAsync(ct);
            DbTransaction? snapshot = null;
            if (connection is SqliteConnection sqlite)
            {
                snapshot = sqlite.BeginTransaction(deferred: true);
            }
            return new SourceDatabase(target, connection, snapshot);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
        {
            await connection.DisposeAsync();
            throw new EtlException($"Cannot open the source database {description}: {FirstSentence(ex.Message)}", ex);
        }
    }

    /// <summary>A SQLite target's connection string; a bare file path (no '=') means <c>Data Source=path</c>, as in Data.</summary>
    public static string SqliteConnectionString(DatabaseTarget target) =>
        target.ConnectionString.Contains('=', StringComparison.Ordinal)
            ? target.ConnectionString
            : new SqliteConnectionStringBuilder { DataSource = target.ConnectionString.Trim() }.ToString();

    /// <summary>The target described without credentials, even if the Data layer cannot describe it.</summary>
    public static string Describe(DatabaseTarget target)
    {
        try
        {
            return target.Describe();
        }
        catch (Exception ex) when (ex is NotImplementedException or ArgumentException or FormatException or KeyNotFoundException)
        {
            return target.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(SqliteConnectionString(target)).DataSource
                : "a SQL Server database";
        }
    }

    private static string FirstSentence(string message) => EtlRunner.FirstSentence(message);

    /// <summary>
    /// Checks that every contract table exists with every contract column. A missing SSD table or column
    /// stops the run (named); an absent, incomplete or empty extension table, or an empty early help table,
    /// is a warning and the table is treated as holding no rows.
    /// </summary>
    public async Task<IReadOnlyList<SourceTableStatus>> CheckSchemaAsync(IEnumerable<SsdTable> tables, CancellationToken ct)
    {
        var result = new List<SourceTableStatus>();
        foreach (var table in tables)
        {
            var columns = await ColumnsAsync(table.Name, ct);
            if (columns.Count == 0)
            {
                if (!table.IsExtension)
                {
                    throw new EtlException($"The source database has no table {table.Name}: is this an SSD extract?");
                }
                result.Add(new SourceTableStatus(table, false, 0, $"{table.Name} is absent: {Consequence(table)}"));
                continue;
            }
            var missing = table.Columns.Select(c => c.Name).Where(c => !columns.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                var names = string.Join(", ", missing);
                if (!table.IsExtension)
                {
                    throw new EtlException($"The source table {table.Name} has no column {names}: is this SSD v1.4 or later?");
                }
                result.Add(new SourceTableStatus(table, false, 0,
                    $"{table.Name} lacks column {names} and was not read: {Consequence(table)}"));
                continue;
            }
            var rows = await CountAsync(table, ct);
            var empty = rows == 0 && (table.IsExtension || table.Name == SsdSchema.EarlyHelpEpisodes.Name);
            result.Add(new SourceTableStatus(table, true, rows, empty ? $"{table.Name} is empty: {Consequence(table)}" : null));
        }
        return result;
    }

    /// <summary>
    /// What a source made by <c>dashboard import</c> records about the returns it came from (<see cref="SourceReturnTables"/>);
    /// <see cref="SourceReturns.None"/> for an SSD extract, which has none of those tables.
    /// </summary>
    public async Task<SourceReturns> ReadReturnsAsync(CancellationToken ct)
    {
        if ((await ColumnsAsync(SourceReturnTables.Returns, ct)).Count == 0) return SourceReturns.None;
        var returns = new List<SourceReturn>();
        var notSupported = (await ColumnsAsync(SourceReturnTables.Returns, ct)).Contains("srcr_not_supported") ? "srcr_not_supported" : "NULL";
        await using (var command = Command($"SELECT srcr_return, srcr_files, srcr_period, srcr_records, srcr_rejected, {notSupported} FROM {Quote(SourceReturnTables.Returns)}"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                returns.Add(new SourceReturn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
        var tables = new List<SourceReturnTable>();
        await using (var command = Command($"SELECT srct_return, srct_table, srct_coverage, srct_note FROM {Quote(SourceReturnTables.Tables)}"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) tables.Add(new SourceReturnTable(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        var rejections = new List<SourceReturnRejection>();
        if ((await ColumnsAsync(SourceReturnTables.Rejections, ct)).Count > 0)
        {
            await using var command = Command($"SELECT rej_id, rej_return, rej_file, rej_line, rej_element, rej_field, rej_reason, rej_original FROM {Quote(SourceReturnTables.Rejections)} ORDER BY rej_id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rejections.Add(new SourceReturnRejection(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }
        return new SourceReturns(returns, tables, rejections);
    }

    /// <summary>
    /// The latest reference date a source made from statutory returns records (a census's 31 March, Annex A's reference
    /// date): the day its data runs to, so the right "today" for loading it. Null for an SSD extract, or when the source
    /// cannot be read (the load itself then says why).
    /// </summary>
    public static async Task<DateOnly?> ReturnsReferenceDateAsync(DatabaseTarget target, CancellationToken ct)
    {
        try
        {
            await using var source = await OpenAsync(target, ct);
            var columns = await source.ColumnsAsync(SourceReturnTables.Returns, ct);
            if (!columns.Contains("srcr_reference_date")) return null;
            await using var command = source.Command($"SELECT MAX(srcr_reference_date) FROM {source.Quote(SourceReturnTables.Returns)}");
            return await command.ExecuteScalarAsync(ct) is string text
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                ? date : null;
        }
        catch (Exception ex) when (ex is EtlException or DbException)
        {
            return null;
        }
    }

    /// <summary>
    /// For a source made from statutory returns: the statuses with a warning on every contract table no return filled
    /// (it is empty because the returns do not carry it, not because nothing happened), so the figures that read it
    /// are "not available from these sources".
    /// </summary>
    public static IReadOnlyList<SourceTableStatus> MarkUnfilled(IReadOnlyList<SourceTableStatus> statuses, SourceReturns returns)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(returns);
        if (!returns.Any) return statuses;
        return [.. statuses.Select(s => returns.Filling(s.Table.Name).Count == 0
            ? s with { Warning = $"{s.Table.Name} is not in these sources ({returns.Names}): figures that depend on it will show as not available from these sources." }
            : s)];
    }

    private static string Consequence(SsdTable table) => table.Name switch
    {
        "ssd_ext_meeting_attendance" => "multi-agency indicators will show as not available.",
        "ssd_ext_management_oversight" => "management oversight indicators will show as not available.",
        "ssd_early_help_episodes" => "early help figures will show as not available.",
        _ => "figures that depend on it will show as not available.",
    };

    private async Task<HashSet<string>> ColumnsAsync(string table, CancellationToken ct)
    {
        // SQLite: the table_info pragma as a table-valued function; SQL Server: the information schema.
        const string SqliteColumns = "SELECT name FROM pragma_table_info(@table)";
        const string SqlServerColumns = "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = @table";
        await using var command = Command(Target.Provider == DatabaseProvider.Sqlite ? SqliteColumns : SqlServerColumns);
        AddParameter(command, "@table", table);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns;
    }

    // Rows, for progress and the "empty" warning only. SQLite: MAX(rowid) is an index seek where COUNT(*) reads the
    // whole table; it can overstate after deletes, which progress does not mind (and 0 still means empty).
    private async Task<long> CountAsync(SsdTable table, CancellationToken ct)
    {
        var sql = Target.Provider == DatabaseProvider.Sqlite
            ? $"SELECT COALESCE(MAX(rowid), 0) FROM {Quote(table.Name)}"
            : $"SELECT COUNT_BIG(*) FROM {Quote(table.Name)}";
        try
        {
            await using var command = Command(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // A WITHOUT ROWID table or a view: count it.
            await using var command = Command($"SELECT COUNT(*) FROM {Quote(table.Name)}");
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The business keys that occur more than once (trimmed, as <c>RowValidator.KeyOf</c> spells them), found
    /// by a GROUP BY ... HAVING COUNT(*) &gt; 1 on the source. Rows missing a key column are left to the
    /// required rule.
    /// </summary>
    public async Task<IReadOnlySet<string>> DuplicateKeysAsync(SsdTable table, CancellationToken ct)
    {
        var trimmed = table.Key.Select(k => $"LTRIM(RTRIM({Quote(k)}))").ToList();
        var present = string.Join(" AND ", table.Key.Select(k => $"{Quote(k)} IS NOT NULL"));
        var sql = $"SELECT {string.Join(", ", trimmed)} FROM {Quote(table.Name)} WHERE {present} " +
                  $"GROUP BY {string.Join(", ", trimmed)} HAVING COUNT(*) > 1";
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new HashSet<string>(KeyComparer);
        var parts = new string?[table.Key.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < parts.Length; i++) parts[i] = Validation.ValueParsers.Id(reader.GetValue(i));
            if (parts.All(p => p is not null)) keys.Add(string.Join('|', parts));
        }
        return keys;
    }

    /// <summary>Streams a table's contract columns, in contract order. Each row array is reused: copy what you keep.</summary>
    public IEnumerable<object?[]> ReadRows(SsdTable table, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        if (_connection is SqliteConnection sqlite)
        {
            // The same values the data reader below would give, read on a handle of the rows' own without SQLite's
            // per-call mutex (SqliteRowSource), or on the connection's handle for an in-memory source (docs/performance.md).
            var select = $"SELECT {columns} FROM {Quote(table.Name)}";
            if (!_rowSourceTried)
            {
                _rowSource = SqliteRowSource.OpenBeside(sqlite);
                _rowSourceTried = true;
            }
            return _rowSource is { } rows
                ? rows.Read(select, table.Columns.Count, ct)
                : SqliteRowReader.Read(sqlite, select, table.Columns.Count, ct);
        }
        return ReadWithDataReader(table, columns, ct);
    }

    private IEnumerable<object?[]> ReadWithDataReader(SsdTable table, string columns, CancellationToken ct)
    {
        using var command = Command($"SELECT {columns} FROM {Quote(table.Name)}");
        using var reader = command.ExecuteReader();
        var values = new object?[table.Columns.Count];
        var raw = new object[table.Columns.Count];
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            reader.GetValues(raw);
            for (var i = 0; i < raw.Length; i++) values[i] = raw[i] is DBNull ? null : raw[i];
            yield return values;
        }
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the contract's constants, never from values
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = _snapshot;
        command.CommandTimeout = 0;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>An identifier quoted for the provider (names come from the contract, never from data).</summary>
    public string Quote(string name) => Target.Provider == DatabaseProvider.SqlServer
        ? "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]"
        : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        _rowSource?.Dispose();
        if (_snapshot is not null) await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

using System.Globalization;
using Dashboard.Core.Ssd;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns;

/// <summary>
/// Writes what the returns hold as an SSD-shaped SQLite source: every contract table (columns as text, so a value the
/// return got wrong reaches the ETL as it was and is quarantined there with its table, row and field), a unique index
/// on each table's key so the same record from several years or returns becomes one row (<see cref="MergeRule"/>), and
/// the provenance tables of <see cref="SourceReturnTables"/>. The file is written under a temporary name beside the
/// target and moved into place by <see cref="Commit"/>: a failed import leaves the previous output as it was.
/// </summary>
public sealed class SsdSourceWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<(string Table, MergeRule Rule), SqliteCommand> _upserts = [];
    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);
    private readonly SqliteCommand _personReturn;
    private readonly SqliteCommand _reject;
    private readonly string _temporary;
    private bool _committed;

    private SsdSourceWriter(string target, string temporary, SqliteConnection connection)
    {
        Target = target;
        _temporary = temporary;
        _connection = connection;
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
        foreach (var table in SsdSchema.All)
        {
            Execute($"CREATE TABLE {Q(table.Name)} ({string.Join(", ", table.Columns.Select(c => Q(c.Name) + " TEXT"))});");
            Execute($"CREATE UNIQUE INDEX {Q("ux_" + table.Name)} ON {Q(table.Name)} ({string.Join(", ", table.Key.Select(Q))});");
        }
        Execute($"""
            CREATE TABLE {SourceReturnTables.Returns} (srcr_return TEXT NOT NULL, srcr_files TEXT NOT NULL, srcr_period TEXT NOT NULL,
                srcr_records INTEGER NOT NULL, srcr_rejected INTEGER NOT NULL, srcr_reference_date TEXT,
                srcr_not_supported TEXT);
            CREATE TABLE {SourceReturnTables.Tables} (srct_return TEXT NOT NULL, srct_table TEXT NOT NULL, srct_coverage TEXT NOT NULL, srct_note TEXT);
            CREATE TABLE {SourceReturnTables.Rejections} (rej_id INTEGER PRIMARY KEY, rej_return TEXT NOT NULL, rej_file TEXT NOT NULL,
                rej_line INTEGER, rej_element TEXT, rej_field TEXT, rej_reason TEXT NOT NULL, rej_original TEXT);
            CREATE TABLE {SourceReturnTables.PersonReturns} (pret_person_id TEXT NOT NULL, pret_return TEXT NOT NULL, PRIMARY KEY (pret_person_id, pret_return));
            """);
        _transaction = _connection.BeginTransaction();
        _personReturn = Prepare($"INSERT OR IGNORE INTO {SourceReturnTables.PersonReturns} VALUES ($p, $r)", "$p", "$r");
        _reject = Prepare($"INSERT INTO {SourceReturnTables.Rejections} (rej_return, rej_file, rej_line, rej_element, rej_field, rej_reason, rej_original) VALUES ($r, $f, $l, $e, $d, $why, $o)",
            "$r", "$f", "$l", "$e", "$d", "$why", "$o");
    }

    /// <summary>The file the source is published to.</summary>
    public string Target { get; }

    /// <summary>The return now being imported: children written to ssd_person are recorded as named by it.</summary>
    public StatutoryReturn? Current { get; private set; }

    /// <summary>Rejections kept so far, all returns.</summary>
    public long Rejections { get; private set; }

    /// <summary>Creates the writer; the directory must exist. An existing file at <paramref name="path"/> is replaced only on <see cref="Commit"/>.</summary>
    public static SsdSourceWriter Create(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The output path must name a file.", nameof(path));
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target)) throw new IOException($"The output path {target} is a directory; give a file name.");
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Cannot write {target}: the directory {directory} does not exist.");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return new SsdSourceWriter(target, temporary, connection);
        }
        catch
        {
            connection.Dispose();
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Starts a return: what follows is written on its behalf.</summary>
    public void Begin(StatutoryReturn source) => Current = source;

    /// <summary>
    /// Writes one row of <paramref name="table"/>: values by SSD column name (a column not given is empty). Dates are
    /// ISO yyyy-MM-dd; flags Y/N; a value that could not be read is given as found (the ETL quarantines it).
    /// </summary>
    public void Write(SsdTable table, IReadOnlyDictionary<string, string?> values, MergeRule rule = MergeRule.LaterWins)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in values.Keys)
        {
            if (!table.Columns.Any(c => c.Name == name)) throw new ArgumentException($"Table {table.Name} has no column {name}.", nameof(values));
        }
        var command = Upsert(table, rule);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var value = values.TryGetValue(table.Columns[i].Name, out var v) ? Clean(v) : null;
            command.Parameters[i].Value = (object?)value ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
        _written[table.Name] = _written.GetValueOrDefault(table.Name) + 1;
        if (table == SsdSchema.Persons && Current is { } current && Clean(values.GetValueOrDefault(SsdSchema.Persons.Key[0])) is { } personId)
        {
            _personReturn.Parameters[0].Value = personId;
            _personReturn.Parameters[1].Value = current.Name();
            _personReturn.ExecuteNonQuery();
        }
    }

    /// <summary>Rows written to a table so far (a row merged into an existing one counts again).</summary>
    public long Written(SsdTable table) => _written.GetValueOrDefault(table.Name);

    /// <summary>Keeps an element or row that could not be placed, with why, instead of loading it.</summary>
    public void Reject(StatutoryReturn source, ReturnLocation where, string? field, string reason, string? original)
    {
        ArgumentNullException.ThrowIfNull(where);
        var p = _reject.Parameters;
        p[0].Value = source.Name();
        p[1].Value = where.File;
        p[2].Value = (object?)where.Line ?? DBNull.Value;
        p[3].Value = (object?)where.Element ?? DBNull.Value;
        p[4].Value = (object?)field ?? DBNull.Value;
        p[5].Value = reason;
        p[6].Value = (object?)Truncate(original) ?? DBNull.Value;
        _reject.ExecuteNonQuery();
        Rejections++;
    }

    /// <summary>Records what a return brought in (<see cref="SourceReturnTables"/>); once per return.</summary>
    public void Record(ReturnImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var p = summary.Provenance;
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO {SourceReturnTables.Returns} VALUES ($r, $f, $p, $n, $x, $d, $u)";
            command.Parameters.AddWithValue("$r", p.Return.Name());
            command.Parameters.AddWithValue("$f", string.Join("; ", p.Files));
            command.Parameters.AddWithValue("$p", p.Period);
            command.Parameters.AddWithValue("$n", summary.Records);
            command.Parameters.AddWithValue("$x", summary.Rejected);
            command.Parameters.AddWithValue("$d", summary.ReferenceDate is { } date ? Iso(date) : DBNull.Value);
            command.Parameters.AddWithValue("$u", p.NotSupported.Count == 0 ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(p.NotSupported));
            command.ExecuteNonQuery();
        }
        foreach (var table in p.Tables)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO {SourceReturnTables.Tables} VALUES ($r, $t, $c, $n)";
            command.Parameters.AddWithValue("$r", p.Return.Name());
            command.Parameters.AddWithValue("$t", table.Table.Name);
            command.Parameters.AddWithValue("$c", table.Coverage == TableCoverage.Complete ? SourceReturnTables.Complete : SourceReturnTables.LatestOnly);
            command.Parameters.AddWithValue("$n", (object?)table.Note ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs a query over what has been written so far (for joining counts and tests); the reader is the caller's.</summary>
    public SqliteCommand Query(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Finishes the file and moves it over the target.</summary>
    public void Commit()
    {
        if (_committed) throw new InvalidOperationException("The source was already committed.");
        _transaction.Commit();
        foreach (var command in _upserts.Values) command.Dispose();
        _upserts.Clear();
        _personReturn.Dispose();
        _reject.Dispose();
        _connection.Close();
        SqliteConnection.ClearPool(_connection);
        File.Move(_temporary, Target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        foreach (var command in _upserts.Values) command.Dispose();
        _personReturn.Dispose();
        _reject.Dispose();
        if (!_committed)
        {
            _transaction.Dispose();
            _connection.Dispose();
            TryDelete(_temporary);
            return;
        }
        _connection.Dispose();
    }

    private SqliteCommand Upsert(SsdTable table, MergeRule rule)
    {
        if (_upserts.TryGetValue((table.Name, rule), out var command)) return command;
        var columns = table.Columns.Select(c => c.Name).ToList();
        var others = columns.Where(c => !table.Key.Contains(c)).ToList();
        var merge = others.Count == 0
            ? "DO NOTHING"
            : "DO UPDATE SET " + string.Join(", ", others.Select(c => rule == MergeRule.LaterWins
                ? $"{Q(c)} = COALESCE(excluded.{Q(c)}, {Q(c)})"
                : $"{Q(c)} = COALESCE({Q(c)}, excluded.{Q(c)})"));
        var sql = $"INSERT INTO {Q(table.Name)} ({string.Join(", ", columns.Select(Q))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$c" + i))}) " +
                  $"ON CONFLICT ({string.Join(", ", table.Key.Select(Q))}) {merge}";
        command = Prepare(sql, [.. columns.Select((_, i) => "$c" + i)]);
        _upserts[(table.Name, rule)] = command;
        return command;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Blank is empty: a return's empty element or cell is no value, not an empty string.</summary>
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Truncate(string? original) =>
        original is null ? null : original.Length <= 2000 ? original : original[..2000] + "...";

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temporary file left behind is named as such and harmless; the target is untouched.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

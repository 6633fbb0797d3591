using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dashboard.Data.SqlServer;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>One statement the SQL Server path sent, and the product method that sent it.</summary>
internal sealed record RecordedStatement(string Sql, string Origin, IReadOnlyList<string> Parameters);

/// <summary>One bulk copy the SQL Server path asked for: SqlBulkCopy maps these columns by name into the table.</summary>
internal sealed record RecordedBulkCopy(string Table, IReadOnlyList<string> Columns, long Rows, string Origin);

/// <summary>What a scripted statement answers: rows (the first cell is the scalar) and the rows-affected count.</summary>
internal sealed record ScriptedAnswer(DataTable? Rows, int Affected = 1);

/// <summary>
/// A warehouse with SQL Server's dialect that executes nothing: the product code runs its real operations against it
/// (through <see cref="IConnectionFactory"/>, exactly as against SQL Server), and every statement and bulk copy is
/// recorded with the method that sent it. Statements get no rows and "1 row affected" unless a test scripted an answer
/// for them (<see cref="Answer"/>), which is how a test walks the branches that need a row back.
/// </summary>
internal sealed class RecordingWarehouse : IConnectionFactory, IBulkWriter
{
    private static readonly string[] ProductAssemblies = ["Dashboard.Data", "Dashboard.Etl", "Dashboard.Reports", "Dashboard.Web"];

    /// <summary>Helpers that only pass a caller's SQL on: the origin is their caller.</summary>
    private static readonly string[] PassThrough = ["Dashboard.Etl.Load.Sql"];

    private readonly List<RecordedStatement> _statements = [];
    private readonly List<RecordedBulkCopy> _bulkCopies = [];
    private readonly List<(Regex Pattern, Func<ScriptedAnswer> Answer)> _answers = [];

    public DatabaseTarget Target { get; } = new(DatabaseProvider.SqlServer, "Server=recorded;Database=warehouse");

    public ISqlDialect Dialect => SqlServerDialect.Instance;

    public IBulkWriter BulkWriter => this;

    public IReadOnlyList<RecordedStatement> Statements => _statements;

    public IReadOnlyList<RecordedBulkCopy> BulkCopies => _bulkCopies;

    /// <summary>Statements whose text matches <paramref name="pattern"/> answer with these rows from now on (the latest
    /// matching answer wins).</summary>
    public void Answer(string pattern, Func<ScriptedAnswer> answer) =>
        _answers.Insert(0, (new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant), answer));

    public void Answer(string pattern, params (string Column, Type Type, object? Value)[] row) =>
        Answer(pattern, () => new ScriptedAnswer(Table(row)));

    public void ForgetAnswers() => _answers.Clear();

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = new RecordingConnection(this);
        connection.Open();
        return Task.FromResult(connection);
    }

    internal ScriptedAnswer Record(string sql, IReadOnlyList<string> parameters)
    {
        _statements.Add(new RecordedStatement(sql, Origin(), parameters));
        foreach (var (pattern, answer) in _answers)
        {
            if (pattern.IsMatch(sql)) return answer();
        }
        return new ScriptedAnswer(null);
    }

    public Task<long> WriteAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        if (connection is not RecordingConnection) throw new ArgumentException("Not a recording connection.", nameof(connection));
        long count = 0;
        foreach (var row in rows)
        {
            if (row.Length != columns.Count) throw new ArgumentException($"A row for {table} has {row.Length} values for {columns.Count} columns.", nameof(rows));
            count++;
        }
        // SqlServerBulkWriter reads the destination's column types first with this statement; record it as sent.
        _statements.Add(new RecordedStatement(SqlServerBulkWriter.DestinationTypesSql(table, columns), Origin(), []));
        _bulkCopies.Add(new RecordedBulkCopy(table, [.. columns], count, Origin()));
        return Task.FromResult(count);
    }

    /// <summary>One row of the given columns.</summary>
    public static DataTable Table(params (string Column, Type Type, object? Value)[] row)
    {
        var table = new DataTable();
        foreach (var (column, type, _) in row) table.Columns.Add(column, type);
        if (row.Length > 0) table.Rows.Add([.. row.Select(c => c.Value ?? DBNull.Value)]);
        return table;
    }

    /// <summary>The first product method on the stack (Type.Method), skipping Dapper, this recorder and the BCL.</summary>
    private static string Origin()
    {
        foreach (var frame in new StackTrace(1, false).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type is null || Array.IndexOf(ProductAssemblies, type.Assembly.GetName().Name) < 0) continue;
            if (Array.IndexOf(PassThrough, type.FullName) >= 0 || Array.IndexOf(PassThrough, type.DeclaringType?.FullName) >= 0) continue;
            var name = method!.Name;
            // An async method runs as MoveNext of a nested state machine named <Method>d__N.
            while (type.DeclaringType is not null && type.Name.StartsWith('<'))
            {
                if (name == "MoveNext") name = type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)];
                type = type.DeclaringType;
            }
            return $"{type.Name}.{name}";
        }
        return "(no product method on the stack)";
    }
}

using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>
/// A connection that sends nothing anywhere: every command's text is handed to the <see cref="RecordingWarehouse"/>,
/// which records it and answers with the rows a test scripted for it (none by default). Everything completes
/// synchronously, so the stack at the moment of recording still holds the product method that sent the statement.
/// </summary>
internal sealed class RecordingConnection(RecordingWarehouse warehouse) : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

    [AllowNull]
    public override string ConnectionString { get; set; } = "Server=recorded;Database=warehouse";

    public override string Database => "warehouse";

    public override string DataSource => "recorded";

    public override string ServerVersion => "16.00.0000";

    public override ConnectionState State => _state;

    internal RecordingWarehouse Warehouse => warehouse;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Close() => _state = ConnectionState.Closed;

    public override void Open() => _state = ConnectionState.Open;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);
}

internal sealed class RecordingTransaction(RecordingConnection connection, IsolationLevel isolationLevel) : DbTransaction
{
    public override IsolationLevel IsolationLevel => isolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }
}

internal sealed class RecordingCommand(RecordingConnection? connection) : DbCommand
{
    private readonly RecordingParameters _parameters = new();

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get; set; } = connection;

    protected override DbParameterCollection DbParameterCollection => _parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    public override int ExecuteNonQuery() => Answer().Affected;

    public override object? ExecuteScalar()
    {
        var rows = Answer().Rows;
        return rows is { Rows.Count: > 0 } && rows.Columns.Count > 0 ? rows.Rows[0][0] : null;
    }

    protected override DbParameter CreateDbParameter() => new RecordingParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => (Answer().Rows ?? new DataTable()).CreateDataReader();

    private ScriptedAnswer Answer()
    {
        var owner = (Connection as RecordingConnection)?.Warehouse ?? throw new InvalidOperationException("The command has no recording connection.");
        if (Connection!.State != ConnectionState.Open) throw new InvalidOperationException("The connection is not open.");
        return owner.Record(CommandText, _parameters.Names());
    }
}

internal sealed class RecordingParameter : DbParameter
{
    public override DbType DbType { get; set; } = DbType.String;

    public override ParameterDirection Direction { get; set; } = ParameterDirection.Input;

    public override bool IsNullable { get; set; } = true;

    [AllowNull]
    public override string ParameterName { get; set; } = "";

    public override int Size { get; set; }

    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    public override bool SourceColumnNullMapping { get; set; }

    public override object? Value { get; set; }

    public override void ResetDbType() => DbType = DbType.String;
}

internal sealed class RecordingParameters : DbParameterCollection
{
    private readonly List<DbParameter> _items = [];

    public override int Count => _items.Count;

    public override object SyncRoot => _items;

    public IReadOnlyList<string> Names() => [.. _items.Select(p => p.ParameterName.TrimStart('@'))];

    public override int Add(object value)
    {
        _items.Add((DbParameter)value);
        return _items.Count - 1;
    }

    public override void AddRange(Array values)
    {
        foreach (var value in values) Add(value);
    }

    public override void Clear() => _items.Clear();

    public override bool Contains(object value) => _items.Contains((DbParameter)value);

    public override bool Contains(string value) => IndexOf(value) >= 0;

    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    public override int IndexOf(object value) => _items.IndexOf((DbParameter)value);

    public override int IndexOf(string parameterName) =>
        _items.FindIndex(p => string.Equals(p.ParameterName.TrimStart('@'), parameterName.TrimStart('@'), StringComparison.Ordinal));

    public override void Insert(int index, object value) => _items.Insert(index, (DbParameter)value);

    public override void Remove(object value) => _items.Remove((DbParameter)value);

    public override void RemoveAt(int index) => _items.RemoveAt(index);

    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOf(parameterName));

    protected override DbParameter GetParameter(int index) => _items[index];

    protected override DbParameter GetParameter(string parameterName) => _items[IndexOf(parameterName)];

    protected override void SetParameter(int index, DbParameter value) => _items[index] = value;

    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOf(parameterName)] = value;
}

using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>
/// The warehouse's tables and columns as SQL Server would hold them after the migrations: built from the parsed
/// CREATE TABLE and ALTER TABLE ... ADD statements, never from a hand-written list. Names compare ordinally (exact
/// case), because a council may run the warehouse under a case-sensitive collation, where identifiers are too.
/// </summary>
internal sealed class WarehouseSchema
{
    private readonly Dictionary<string, List<string>> _tables = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Tables => _tables.Keys;

    public bool HasTable(string table) => _tables.ContainsKey(table);

    public IReadOnlyList<string> ColumnsOf(string table) => _tables.TryGetValue(table, out var columns) ? columns : [];

    /// <summary>Parses each script (GO separates batches, as sqlcmd reads them) and adds what it creates.</summary>
    /// <exception cref="InvalidOperationException">A script does not parse; the message names it and the errors.</exception>
    public static WarehouseSchema From(IEnumerable<(string Name, string Sql)> scripts)
    {
        var schema = new WarehouseSchema();
        foreach (var (name, sql) in scripts) schema.Add(TSql.ParseOrThrow(sql, name));
        return schema;
    }

    public void Add(TSqlFragment script)
    {
        var visitor = new DefinitionVisitor(this);
        script.Accept(visitor);
    }

    private void AddColumns(SchemaObjectName table, IEnumerable<ColumnDefinition> columns)
    {
        var name = table.BaseIdentifier.Value;
        if (name.StartsWith('#')) return;   // a session table is not part of the schema
        if (!_tables.TryGetValue(name, out var list))
        {
            list = [];
            _tables[name] = list;
        }
        foreach (var column in columns)
        {
            if (list.Contains(column.ColumnIdentifier.Value, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"{name}.{column.ColumnIdentifier.Value} is created twice.");
            }
            list.Add(column.ColumnIdentifier.Value);
        }
    }

    private sealed class DefinitionVisitor(WarehouseSchema schema) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            if (schema.HasTable(node.SchemaObjectName.BaseIdentifier.Value))
            {
                throw new InvalidOperationException($"{node.SchemaObjectName.BaseIdentifier.Value} is created twice.");
            }
            schema.AddColumns(node.SchemaObjectName, node.Definition.ColumnDefinitions);
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            if (!schema.HasTable(node.SchemaObjectName.BaseIdentifier.Value))
            {
                throw new InvalidOperationException($"ALTER TABLE {node.SchemaObjectName.BaseIdentifier.Value} names a table no earlier script creates.");
            }
            schema.AddColumns(node.SchemaObjectName, node.Definition.ColumnDefinitions);
        }
    }
}

/// <summary>SQL Server 2022's parser (TSql160Parser) with QUOTED_IDENTIFIER on, as every SqlClient connection has it.</summary>
internal static class TSql
{
    public static TSqlScript Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return (TSqlScript)parser.Parse(reader, out errors);
    }

    public static TSqlScript ParseOrThrow(string sql, string name)
    {
        var script = Parse(sql, out var errors);
        if (errors.Count > 0) throw new InvalidOperationException($"{name} does not parse as T-SQL: {Describe(errors)}");
        return script;
    }

    public static string Describe(IEnumerable<ParseError> errors) =>
        string.Join("; ", errors.Select(e => $"line {e.Line} column {e.Column}: {e.Message}"));
}

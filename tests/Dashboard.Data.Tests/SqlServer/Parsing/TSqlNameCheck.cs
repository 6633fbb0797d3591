using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>
/// Checks a parsed statement against the migrations' schema, on the tree SQL Server's parser built:
/// <list type="bullet">
/// <item>every table it reads or writes (NamedTableReference, INSERT/UPDATE/DELETE targets, CREATE INDEX ON) is a table the
/// migrations create, a #temp table made earlier on the same session, or a CTE of the statement;</item>
/// <item>every column reference (ColumnReferenceExpression) names a column: qualified by an alias or table name, of that
/// table (a derived table or CTE exposes its own select-list names and the columns of the tables inside it); unqualified,
/// of one of the statement's tables, or a name the statement itself defines (a select-list alias, for ORDER BY);</item>
/// <item>every INSERT column list and UPDATE SET column is a column of the target itself.</item>
/// </list>
/// #temp tables made by SELECT * INTO get the columns of the tables they are selected from, and live until dropped, like
/// SQL Server's session tables. The check is per statement, not per nested scope: a column that exists in another table
/// of the same statement passes, which is the one looseness (the engine tests still run every statement for real).
/// </summary>
internal sealed class TSqlNameCheck(WarehouseSchema schema)
{
    private static readonly string[] PseudoTables = ["INSERTED", "DELETED"];

    private readonly Dictionary<string, IReadOnlyList<string>> _temp = new(StringComparer.Ordinal);

    /// <summary>The problems of one batch (empty: every name resolves). Session tables it creates or drops are tracked.</summary>
    public IReadOnlyList<string> Check(TSqlScript script)
    {
        var problems = new List<string>();
        foreach (var statement in script.Batches.SelectMany(b => b.Statements)) problems.AddRange(CheckStatement(statement));
        return problems;
    }

    private List<string> CheckStatement(TSqlStatement statement)
    {
        var problems = new List<string>();
        if (statement is CreateTableStatement) return problems;   // creating a table is what the schema is built from
        var names = new StatementNames();
        statement.Accept(names);

        var scope = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var open = new HashSet<string>(names.DerivedAliases.Concat(names.Ctes), StringComparer.OrdinalIgnoreCase);
        var columnsInStatement = new HashSet<string>(names.DefinedNames, StringComparer.Ordinal);
        foreach (var (table, alias) in names.Tables)
        {
            if (names.Ctes.Contains(table))
            {
                if (alias is not null) open.Add(alias);
                continue;
            }
            if (Columns(table) is not { } columns)
            {
                problems.Add($"table {table} is not created by any migration");
                continue;
            }
            scope[alias ?? table] = columns;
            scope.TryAdd(table, columns);
            columnsInStatement.UnionWith(columns);
        }

        foreach (var reference in names.Columns)
        {
            var parts = reference.MultiPartIdentifier?.Identifiers;
            if (parts is null || parts.Count == 0 || reference.ColumnType != ColumnType.Regular) continue;
            var column = parts[^1].Value;
            if (parts.Count == 1)
            {
                if (!columnsInStatement.Contains(column)) problems.Add($"column {column} is in none of the statement's tables");
                continue;
            }
            var qualifier = parts[^2].Value;
            if (PseudoTables.Contains(qualifier, StringComparer.OrdinalIgnoreCase) && names.Target is { } target)
            {
                qualifier = target;
            }
            if (open.Contains(qualifier))
            {
                if (!columnsInStatement.Contains(column)) problems.Add($"column {qualifier}.{column} is defined nowhere in the statement");
            }
            else if (!scope.TryGetValue(qualifier, out var columns))
            {
                problems.Add($"{qualifier}.{column} names no table or alias of the statement");
            }
            else if (!columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add($"column {qualifier}.{column} does not exist");
            }
        }

        foreach (var (table, column) in names.TargetColumns)
        {
            if (Columns(table) is { } columns && !columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add($"{table} has no column {column} to write");
            }
        }

        if (names.Into is { } into && into.StartsWith('#'))
        {
            _temp[into] = names.SelectsStar
                ? [.. names.Tables.Where(t => Columns(t.Table) is not null).SelectMany(t => Columns(t.Table)!).Distinct(StringComparer.Ordinal)]
                : [.. names.DefinedNames];
        }
        foreach (var dropped in names.Dropped) _temp.Remove(dropped);
        return problems;
    }

    private IReadOnlyList<string>? Columns(string table) =>
        table.StartsWith('#') ? _temp.GetValueOrDefault(table) : schema.HasTable(table) ? schema.ColumnsOf(table) : null;

    /// <summary>Collects the names one statement uses, anywhere in it.</summary>
    private sealed class StatementNames : TSqlFragmentVisitor
    {
        public List<(string Table, string? Alias)> Tables { get; } = [];
        public List<ColumnReferenceExpression> Columns { get; } = [];
        public List<(string Table, string Column)> TargetColumns { get; } = [];
        public HashSet<string> Ctes { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> DerivedAliases { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> DefinedNames { get; } = new(StringComparer.Ordinal);
        public List<string> Dropped { get; } = [];
        public string? Target { get; private set; }
        public string? Into { get; private set; }
        public bool SelectsStar { get; private set; }

        public override void Visit(NamedTableReference node) => Tables.Add((node.SchemaObject.BaseIdentifier.Value, node.Alias?.Value));

        public override void Visit(ColumnReferenceExpression node) => Columns.Add(node);

        public override void Visit(CommonTableExpression node)
        {
            Ctes.Add(node.ExpressionName.Value);
            foreach (var column in node.Columns) DefinedNames.Add(column.Value);
        }

        public override void Visit(QueryDerivedTable node)
        {
            if (node.Alias is not null) DerivedAliases.Add(node.Alias.Value);
            foreach (var column in node.Columns) DefinedNames.Add(column.Value);
        }

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value is { } alias) DefinedNames.Add(alias);
        }

        public override void Visit(SelectStarExpression node) => SelectsStar = true;

        // ALTER TABLE ... ADD col ... CHECK (col IN (...)): the check names the column the statement itself adds.
        public override void Visit(ColumnDefinition node) => DefinedNames.Add(node.ColumnIdentifier.Value);

        public override void Visit(SelectStatement node)
        {
            if (node.Into is not null) Into = node.Into.BaseIdentifier.Value;
        }

        public override void Visit(InsertSpecification node)
        {
            if (node.Target is NamedTableReference target)
            {
                Target = target.SchemaObject.BaseIdentifier.Value;
                foreach (var column in node.Columns) TargetColumns.Add((Target, column.MultiPartIdentifier.Identifiers[^1].Value));
            }
        }

        public override void Visit(UpdateSpecification node)
        {
            if (node.Target is not NamedTableReference target) return;
            Target = target.SchemaObject.BaseIdentifier.Value;
            foreach (var set in node.SetClauses.OfType<AssignmentSetClause>())
            {
                if (set.Column?.MultiPartIdentifier is { } column) TargetColumns.Add((Target, column.Identifiers[^1].Value));
            }
        }

        public override void Visit(DeleteSpecification node)
        {
            if (node.Target is NamedTableReference target) Target = target.SchemaObject.BaseIdentifier.Value;
        }

        public override void Visit(CreateIndexStatement node)
        {
            var table = node.OnName.BaseIdentifier.Value;
            Tables.Add((table, null));
            foreach (var column in node.Columns) TargetColumns.Add((table, column.Column.MultiPartIdentifier.Identifiers[^1].Value));
            foreach (var column in node.IncludeColumns) TargetColumns.Add((table, column.MultiPartIdentifier.Identifiers[^1].Value));
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var dropped in node.Objects) Dropped.Add(dropped.BaseIdentifier.Value);
        }
    }
}

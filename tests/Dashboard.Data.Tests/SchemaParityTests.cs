using System.Text.RegularExpressions;
using Dashboard.Data.Migrations;
using Dashboard.Data.Tests.SqlServer.Parsing;
using Dashboard.Data.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dashboard.Data.Tests;

/// <summary>sql/sqlite and sql/sqlserver must describe the same warehouse: same tables, same columns in the same
/// order, same nullability, same indexes. etl_schema_migration is the runner's own table and not in the scripts.</summary>
public sealed class SchemaParityTests
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { MigrationRunner.HistoryTable };

    private static List<string> Scripts(DatabaseProvider provider) => [.. MigrationScript.Embedded(provider).Select(s => s.Sql)];

    [Test]
    public void Both_dialects_create_the_same_tables_with_the_same_columns_in_the_same_order_and_nullability()
    {
        var sqlite = SchemaReader.FromSqlite(Scripts(DatabaseProvider.Sqlite));
        var sqlServer = SchemaReader.FromTSql(Scripts(DatabaseProvider.SqlServer));

        Assert.That(SchemaReader.Differences(sqlite, sqlServer, Ignored), Is.Empty);
        Assert.That(sqlite, Has.Count.EqualTo(42), "8 etl_ tables, 6 dimensions, 21 facts, 2 indicator facts, 5 app_ tables");
    }

    [Test]
    public void Both_dialects_create_the_same_indexes()
    {
        Assert.That(SchemaReader.Indexes(Scripts(DatabaseProvider.SqlServer)),
            Is.EquivalentTo(SchemaReader.Indexes(Scripts(DatabaseProvider.Sqlite))));
    }

    [Test]
    public void Both_dialects_insert_the_same_unknown_members()
    {
        static IEnumerable<string> Inserts(IEnumerable<string> scripts) => scripts
            .SelectMany(s => Regex.Matches(s, @"INSERT INTO[^;]*;", RegexOptions.IgnoreCase).Select(m => Regex.Replace(m.Value, @"\s+", " ")));

        var sqlite = Inserts(Scripts(DatabaseProvider.Sqlite)).ToList();

        Assert.That(Inserts(Scripts(DatabaseProvider.SqlServer)), Is.EqualTo(sqlite));
        Assert.That(sqlite, Has.Count.EqualTo(5), "date, team, worker, child, agency");
    }

    [Test]
    public void Every_explicit_insert_into_an_identity_table_is_wrapped_in_identity_insert()
    {
        // Read from SQL Server's own parser: statement by statement, in script order, IDENTITY_INSERT ON/OFF tracked per table.
        var unwrapped = new List<string>();
        var identityTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in MigrationScript.Embedded(DatabaseProvider.SqlServer))
        {
            var on = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var statement in TSql.ParseOrThrow(script.Sql, script.Name).Batches.SelectMany(b => b.Statements))
            {
                switch (statement)
                {
                    case CreateTableStatement create when create.Definition.ColumnDefinitions.Any(c => c.IdentityOptions is not null):
                        identityTables.Add(create.SchemaObjectName.BaseIdentifier.Value);
                        break;
                    case SetIdentityInsertStatement set when set.IsOn:
                        on.Add(set.Table.BaseIdentifier.Value);
                        break;
                    case SetIdentityInsertStatement set:
                        on.Remove(set.Table.BaseIdentifier.Value);
                        break;
                    case InsertStatement { InsertSpecification.Target: NamedTableReference target }
                        when identityTables.Contains(target.SchemaObject.BaseIdentifier.Value) && !on.Contains(target.SchemaObject.BaseIdentifier.Value):
                        unwrapped.Add($"{script.Name}: INSERT INTO {target.SchemaObject.BaseIdentifier.Value}");
                        break;
                }
            }
            unwrapped.AddRange(on.Select(t => $"{script.Name}: IDENTITY_INSERT {t} left ON"));
        }

        Assert.That(identityTables, Is.EquivalentTo(new[] { "etl_load_run", "etl_quarantine", "app_user", "app_audit", "app_finding" }));
        Assert.That(unwrapped, Is.Empty);
    }

    [Test]
    public void Every_sql_server_column_states_its_nullability()
    {
        var unstated = SchemaReader.FromTSql(Scripts(DatabaseProvider.SqlServer)).Values
            .SelectMany(t => t.Columns.Where(c => !c.NullabilityStated).Select(c => $"{t.Name}.{c.Name}"));

        Assert.That(unstated, Is.Empty, "ANSI_NULL_DFLT settings vary by server: say NULL or NOT NULL on every column");
    }

    [Test]
    public void The_t_sql_reader_counts_key_and_identity_columns_as_not_null_and_notices_unstated_nullability()
    {
        // (Formerly checked by reading the SQLite scripts with a hand-written T-SQL reader; the reader is now SQL Server's parser.)
        var tables = SchemaReader.FromTSql(
        [
            "CREATE TABLE a (id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY, k INT PRIMARY KEY, n NVARCHAR(64) NULL, loose INT);",
            "CREATE TABLE b (x INT, y INT NOT NULL, CONSTRAINT pk_b PRIMARY KEY (x, y));\nGO\nALTER TABLE b ADD z INT NULL;",
        ]);

        Assert.That(tables["a"].Columns, Is.EqualTo(new[]
        {
            new ColumnShape("id", true, true), new ColumnShape("k", true, true), new ColumnShape("n", false, true), new ColumnShape("loose", false, false),
        }));
        Assert.That(tables["b"].Columns, Is.EqualTo(new[] { new ColumnShape("x", true, true), new ColumnShape("y", true, true), new ColumnShape("z", false, true) }));
    }

    [Test]
    public void A_column_added_to_the_sql_server_scripts_only_is_caught()
    {
        var sqlServer = Scripts(DatabaseProvider.SqlServer);
        sqlServer[2] = AddColumnToOversight(sqlServer[2], "    reviewed_by                 NVARCHAR(64)  NULL,\n");

        var differences = SchemaReader.Differences(SchemaReader.FromSqlite(Scripts(DatabaseProvider.Sqlite)), SchemaReader.FromTSql(sqlServer), Ignored);

        Assert.That(differences, Has.Some.Contains("fact_oversight").And.Contains("reviewed_by"));
    }

    [Test]
    public void A_column_added_to_the_sqlite_scripts_only_is_caught()
    {
        var sqlite = Scripts(DatabaseProvider.Sqlite);
        sqlite[2] = AddColumnToOversight(sqlite[2], "    reviewed_by             TEXT    NULL,\n");

        var differences = SchemaReader.Differences(SchemaReader.FromSqlite(sqlite), SchemaReader.FromTSql(Scripts(DatabaseProvider.SqlServer)), Ignored);

        Assert.That(differences, Has.Some.Contains("fact_oversight").And.Contains("reviewed_by"));
    }

    [Test]
    public void A_nullability_difference_is_caught()
    {
        var sqlServer = Scripts(DatabaseProvider.SqlServer);
        sqlServer[0] = sqlServer[0].Replace("finished_at         DATETIMEOFFSET(3) NULL", "finished_at         DATETIMEOFFSET(3) NOT NULL",
            StringComparison.Ordinal);

        var differences = SchemaReader.Differences(SchemaReader.FromSqlite(Scripts(DatabaseProvider.Sqlite)), SchemaReader.FromTSql(sqlServer), Ignored);

        Assert.That(differences, Is.EqualTo(new[] { "etl_load_run column 3: SQLite has finished_at NULL, SQL Server has finished_at NOT NULL" }));
    }

    [Test]
    public void A_table_in_one_dialect_only_is_caught()
    {
        var sqlServer = Scripts(DatabaseProvider.SqlServer);
        sqlServer.Add("CREATE TABLE fact_extra (extra_id NVARCHAR(64) NOT NULL);");

        var differences = SchemaReader.Differences(SchemaReader.FromSqlite(Scripts(DatabaseProvider.Sqlite)), SchemaReader.FromTSql(sqlServer), Ignored);

        Assert.That(differences, Is.EqualTo(new[] { "fact_extra: only in the SQL Server scripts" }));
    }

    /// <summary>Inserts a column line before fact_oversight's load_id (the last table of 0003 in both dialects).</summary>
    private static string AddColumnToOversight(string script, string columnLine)
    {
        var table = script.IndexOf("CREATE TABLE fact_oversight", StringComparison.Ordinal);
        var loadId = script.IndexOf("    load_id", table, StringComparison.Ordinal);
        Assert.That(table, Is.GreaterThan(0));
        return script.Insert(loadId, columnLine);
    }
}

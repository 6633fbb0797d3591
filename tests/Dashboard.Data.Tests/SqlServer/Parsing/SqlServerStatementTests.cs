using System.Reflection;
using Dashboard.Data.Migrations;

namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>
/// The SQL Server path checked by SQL Server's own parser (Microsoft.SqlServer.TransactSql.ScriptDom, TSql160Parser),
/// with no server.
///
/// How the statements are collected: <see cref="SqlServerPath"/> runs the real operations (the nightly load twice,
/// every read behind the pages and packs, users, audit, findings, locking, the migration runner, quarantine, runs)
/// through their public APIs against a <see cref="RecordingWarehouse"/>: an IConnectionFactory with SQL Server's
/// dialect whose connections record each command's text as the product built it, and whose bulk writer records each
/// SqlBulkCopy's table and column mappings. Nothing here restates a statement by hand.
///
/// How we know none is missed: <see cref="SqlLiteralInventory"/> reads the IL of Dashboard.Data, .Etl, .Reports and
/// .Web and lists every string literal that reads like SQL (C# compiles every piece of SQL text, constants, raw strings
/// and the literal parts of interpolated strings alike, to an ldstr). Each one must appear in some recorded statement
/// (whitespace aside, and with the TOP (n) the dialect inserts, and Dapper's expansion of a list parameter, undone), or
/// be on <see cref="NotSentToSqlServer"/> with the reason it never reaches SQL Server. A new query, a new branch of a
/// query, or a new class that talks to the warehouse fails <see cref="Every_sql_literal_in_the_product_reaches_sql_server_in_a_recorded_statement"/>
/// until the driver exercises it, and then it is parsed and name-checked like the rest. What the inventory cannot see is
/// SQL text built without any literal keyword in it; every builder in the product starts from a literal.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SqlServerStatementTests
{
    /// <summary>Literals that never reach SQL Server, by the type that holds them, with the reason.</summary>
    private static readonly Dictionary<string, string> NotSentToSqlServer = new(StringComparer.Ordinal)
    {
        ["Dashboard.Data.Sqlite.SqliteDialect"] = "the SQLite dialect",
        ["Dashboard.Data.Sqlite.SqliteBulkWriter"] = "the SQLite bulk writer",
        ["Dashboard.Etl.Benchmarks.BareInsertBaseline"] = "a SQLite-only benchmark baseline",
        ["Dashboard.Data.SqlServer.SqlServerDialect"] = "argument-error messages of the dialect (its SQL is checked as the callers send it)",
        ["Dashboard.Etl.Source.SourceDatabase"] = "reads the council's SSD source, not the warehouse (not in the migrations' schema)",
        ["Dashboard.Etl.Load.DeferredIndexes"] = "drops and rebuilds SQLite indexes only (on SQL Server the indicator tables keep theirs)",
    };

    /// <summary>Single literals in otherwise checked types that only the SQLite branch sends.</summary>
    private static readonly string[] SqliteOnlyLiterals = ["CREATE TABLE IF NOT EXISTS etl_schema_migration"];

    /// <summary>Literals that hold an SQL keyword but are exception messages, never sent.</summary>
    private static readonly string[] Messages =
    [
        "does not page SELECT statements.", "does not build INSERT ... RETURNING statements.", "An INSERT needs at least one column.",
    ];

    private static readonly string[] ProductAssemblies = ["Dashboard.Data", "Dashboard.Etl", "Dashboard.Reports", "Dashboard.Web"];

    private static readonly Lazy<Task<RecordingWarehouse>> Recorded = new(() => SqlServerPath.RecordAsync(Folder()));

    private static readonly string SourceFolder = Path.Combine(Path.GetTempPath(), $"dashboard-sqlparse-{Environment.ProcessId}");

    private static string Folder()
    {
        Directory.CreateDirectory(SourceFolder);
        return SourceFolder;
    }

    [OneTimeTearDown]
    public void DeleteSource()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(SourceFolder)) Directory.Delete(SourceFolder, recursive: true);
    }

    private static IEnumerable<string> MigrationNames() => MigrationScript.Embedded(DatabaseProvider.SqlServer).Select(s => s.Name);

    private static WarehouseSchema Schema(RecordingWarehouse warehouse)
    {
        // The migrations, then the one table the runner creates itself (etl_schema_migration), from its recorded statement.
        var scripts = MigrationScript.Embedded(DatabaseProvider.SqlServer).Select(s => (s.Name, s.Sql)).ToList();
        scripts.AddRange(warehouse.Statements.Where(s => s.Origin.StartsWith("MigrationRunner.", StringComparison.Ordinal) && s.Sql.Contains("CREATE TABLE", StringComparison.Ordinal))
            .Select(s => ("MigrationRunner's history table", s.Sql)).Take(1));
        return WarehouseSchema.From(scripts);
    }

    [TestCaseSource(nameof(MigrationNames))]
    public void Every_migration_parses_with_sql_server_2022s_parser(string name)
    {
        var script = MigrationScript.Embedded(DatabaseProvider.SqlServer).Single(s => s.Name == name);

        TSql.Parse(script.Sql, out var whole);
        Assert.That(whole, Is.Empty, () => $"{name}: {TSql.Describe(whole)}");
        // And batch by batch, as the runner sends it (split on GO lines).
        foreach (var batch in script.Batches(DatabaseProvider.SqlServer))
        {
            TSql.Parse(batch, out var errors);
            Assert.That(errors, Is.Empty, () => $"{name}: {TSql.Describe(errors)}");
        }
    }

    [Test]
    public void The_schema_model_holds_what_the_migrations_create_and_alter()
    {
        var schema = WarehouseSchema.From(MigrationScript.Embedded(DatabaseProvider.SqlServer).Select(s => (s.Name, s.Sql)));

        Assert.That(schema.Tables, Has.Count.EqualTo(42), () => string.Join(", ", schema.Tables.Order()));
        Assert.That(schema.Tables, Does.Contain("fact_indicator").And.Contain("app_finding_indicator").And.Contain("etl_lock").And.Contain("dim_date"));
        Assert.That(schema.ColumnsOf("etl_quarantine"), Does.Contain("rule").And.Contain("row_json"));
        Assert.That(schema.ColumnsOf("app_finding"), Does.Contain("action_taken"), "0008 adds it with ALTER TABLE");
        Assert.That(schema.ColumnsOf("fact_indicator"), Is.EqualTo(new[]
        {
            "indicator_id", "series", "period", "as_at_date", "scope_level", "scope_id", "scope_name", "numerator", "denominator", "value",
            "not_available", "load_id",
        }));
    }

    [Test]
    public async Task The_recorded_path_covers_the_load_the_pages_the_packs_and_the_app_tables()
    {
        var warehouse = await Recorded.Value;
        var origins = warehouse.Statements.Select(s => s.Origin.Split('.')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.That(origins, Is.SupersetOf(new[]
        {
            "MigrationRunner", "WarehouseSetup", "WarehouseLock", "WarehouseLockHandle", "RunAudit", "DimensionState", "StagingArea", "Swapper",
            "TableWriter", "CaseFactsReader", "IndicatorQueries", "ScopeSeriesQueries", "FindingEvidenceQueries", "StoredCouncilName",
            "ChildTimelineQueries", "LoadAuditQueries", "QuarantineQueries", "UserStore", "AuditLog", "FindingStore", "AnnexAQueries",
            "WarehouseReadiness",
        }));
        Assert.That(warehouse.BulkCopies.Select(b => b.Table), Does.Contain("dim_date").And.Contain("#stg_fact_referral").And.Contain("#stg_etl_quarantine").And.Contain("fact_indicator"));
        Assert.That(warehouse.Statements.Select(s => s.Origin), Has.None.EqualTo("(no product method on the stack)"));
        TestContext.Out.WriteLine($"{warehouse.Statements.Count} statements ({warehouse.Statements.DistinctBy(s => s.Sql).Count()} distinct), " +
            $"{warehouse.BulkCopies.Count} bulk copies into {string.Join(", ", warehouse.BulkCopies.Select(b => b.Table).Distinct())}");
    }

    [Test]
    public async Task Every_recorded_statement_parses_with_sql_server_2022s_parser()
    {
        var warehouse = await Recorded.Value;
        var failures = new List<string>();
        foreach (var statement in warehouse.Statements.DistinctBy(s => s.Sql))
        {
            TSql.Parse(statement.Sql, out var errors);
            if (errors.Count > 0) failures.Add($"{statement.Origin}: {TSql.Describe(errors)}\n    {statement.Sql}");
        }
        Assert.That(failures, Is.Empty, () => string.Join("\n", failures));
    }

    [Test]
    public async Task Every_recorded_statement_names_only_tables_and_columns_the_migrations_create()
    {
        var warehouse = await Recorded.Value;
        var check = new TSqlNameCheck(Schema(warehouse));
        var failures = new List<string>();
        // In the order sent: #temp tables exist from their SELECT INTO until they are dropped, as on one SQL Server session.
        foreach (var statement in warehouse.Statements)
        {
            var script = TSql.Parse(statement.Sql, out var errors);
            if (errors.Count > 0) continue;   // reported by the parse test
            foreach (var problem in check.Check(script)) failures.Add($"{statement.Origin}: {problem}\n    {statement.Sql}");
        }
        Assert.That(failures.Distinct(), Is.Empty, () => string.Join("\n", failures.Distinct()));
    }

    [Test]
    public async Task Every_bulk_copy_maps_only_columns_its_table_has()
    {
        var warehouse = await Recorded.Value;
        var schema = Schema(warehouse);
        var failures = new List<string>();
        foreach (var copy in warehouse.BulkCopies)
        {
            // A #stg_ table has its target's columns (SELECT * INTO ... FROM target).
            var table = copy.Table.StartsWith("#stg_", StringComparison.Ordinal) ? copy.Table["#stg_".Length..] : copy.Table;
            if (!schema.HasTable(table)) failures.Add($"{copy.Origin}: bulk copy into {copy.Table}, which no migration creates");
            failures.AddRange(copy.Columns.Where(c => !schema.ColumnsOf(table).Contains(c, StringComparer.Ordinal))
                .Select(c => $"{copy.Origin}: bulk copy maps {c}, which {table} does not have"));
        }
        Assert.That(failures.Distinct(), Is.Empty, () => string.Join("\n", failures.Distinct()));
    }

    [Test]
    public void The_indicator_steps_bulk_copies_map_only_columns_the_indicator_tables_have()
    {
        // The recording warehouse holds no case facts, so the engine finds no failing child and the exception copy is never
        // asked for (the figures' copy is, and is checked above); both mappings are the step's own column lists.
        var schema = WarehouseSchema.From(MigrationScript.Embedded(DatabaseProvider.SqlServer).Select(s => (s.Name, s.Sql)));

        Assert.That(Dashboard.Etl.Load.IndicatorStep.ResultColumns.Except(schema.ColumnsOf("fact_indicator"), StringComparer.Ordinal), Is.Empty);
        Assert.That(Dashboard.Etl.Load.IndicatorStep.ExceptionColumns.Except(schema.ColumnsOf("fact_indicator_exception"), StringComparer.Ordinal), Is.Empty);
    }

    [Test]
    public async Task Every_sql_literal_in_the_product_reaches_sql_server_in_a_recorded_statement()
    {
        var warehouse = await Recorded.Value;
        var literals = ProductAssemblies.SelectMany(a => SqlLiteralInventory.Of(Assembly.Load(a))).ToList();
        Assert.That(literals, Has.Count.GreaterThan(100), "the inventory reads the product assemblies");

        var checkedLiterals = literals
            .Where(l => !NotSentToSqlServer.ContainsKey(l.Type))
            .Where(l => !SqliteOnlyLiterals.Any(s => l.Text.Contains(s, StringComparison.Ordinal)))
            .Where(l => !Messages.Contains(l.Text.Trim(), StringComparer.Ordinal));
        var unsent = SqlLiteralInventory.NotIn(checkedLiterals, warehouse.Statements.Select(s => s.Sql))
            .Select(l => $"{l.Type}.{l.Method}: {SqlLiteralInventory.Normalise(l.Text)}")
            .Distinct().ToList();
        Assert.That(unsent, Is.Empty, () => "SQL in the product that the recorded SQL Server path never sent (exercise it in SqlServerPath, " +
            "or list why it never reaches SQL Server):\n" + string.Join("\n", unsent));

        var types = literals.Select(l => l.Type).ToHashSet(StringComparer.Ordinal);
        Assert.That(NotSentToSqlServer.Keys.Where(t => !types.Contains(t)), Is.Empty, "an exclusion whose type holds no SQL any more");
        Assert.That(Messages.Concat(SqliteOnlyLiterals).Where(m => !literals.Any(l => l.Text.Contains(m, StringComparison.Ordinal))), Is.Empty,
            "an excluded literal that is no longer in the product");
    }
}

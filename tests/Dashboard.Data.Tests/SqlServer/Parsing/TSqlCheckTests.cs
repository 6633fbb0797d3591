namespace Dashboard.Data.Tests.SqlServer.Parsing;

/// <summary>The parser and the name check find what they are there to find (so a passing statement test means something).</summary>
public sealed class TSqlCheckTests
{
    private static readonly WarehouseSchema Schema = WarehouseSchema.From(
    [
        ("t", "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name NVARCHAR(64) NULL, \"rule\" NVARCHAR(64) NULL);"),
        ("u", "CREATE TABLE u (id INT NOT NULL, t_id INT NOT NULL);\nGO\nALTER TABLE u ADD note NVARCHAR(400) NULL;"),
    ]);

    private static IReadOnlyList<string> Problems(params string[] statements)
    {
        var check = new TSqlNameCheck(Schema);
        return [.. statements.SelectMany(s => check.Check(TSql.ParseOrThrow(s, "statement")))];
    }

    [TestCase("SELECT id FROM t LIMIT 5")]
    [TestCase("INSERT OR REPLACE INTO t (id) VALUES (1)")]
    [TestCase("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO NOTHING")]
    [TestCase("CREATE TABLE x (id INTEGER PRIMARY KEY AUTOINCREMENT)")]
    [TestCase("INSERT INTO t (id, rule) VALUES (1, 'r')")]
    public void Sqlite_isms_and_a_bare_reserved_word_do_not_parse(string sql)
    {
        TSql.Parse(sql, out var errors);

        Assert.That(errors, Is.Not.Empty);
    }

    [Test]
    public void Sql_server_forms_parse()
    {
        TSql.Parse("SELECT TOP (5) id FROM t ORDER BY id OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY; " +
            "INSERT INTO t (id, \"rule\") OUTPUT INSERTED.\"id\" VALUES (@id, @rule);", out var errors);

        Assert.That(errors, Is.Empty, () => TSql.Describe(errors));
    }

    [Test]
    public void The_schema_is_built_from_create_and_alter()
    {
        Assert.That(Schema.ColumnsOf("u"), Is.EqualTo(new[] { "id", "t_id", "note" }));
        Assert.That(() => WarehouseSchema.From([("bad", "ALTER TABLE nowhere ADD x INT NULL;")]), Throws.InvalidOperationException);
        Assert.That(() => WarehouseSchema.From([("bad", "CREATE TABLE t (id INT) LIMIT")]), Throws.InvalidOperationException);
    }

    [Test]
    public void Known_names_pass()
    {
        Assert.That(Problems(
            "SELECT x.id, x.name AS Name FROM t x JOIN u ON u.t_id = x.id WHERE u.note IS NOT NULL ORDER BY Name",
            "WITH c (n) AS (SELECT COUNT(*) FROM u) SELECT c.n FROM c",
            "SELECT * FROM (SELECT id AS Id FROM t) x ORDER BY x.Id",
            "UPDATE t SET name = @n WHERE id = @id",
            "INSERT INTO t (id, \"rule\") OUTPUT INSERTED.id VALUES (@id, @rule)",
            "DROP TABLE IF EXISTS #s; SELECT * INTO #s FROM t WHERE 1 = 0 UNION ALL SELECT * FROM t WHERE 1 = 0;",
            "CREATE INDEX ix_s ON #s (id, name)",
            "INSERT INTO t (id, name) SELECT s.id, s.name FROM #s s WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.id = s.id)"), Is.Empty);
    }

    [TestCase("SELECT id FROM nowhere", "table nowhere")]
    [TestCase("SELECT missing FROM t", "column missing")]
    [TestCase("SELECT x.note FROM t x", "column x.note does not exist")]
    [TestCase("SELECT y.id FROM t x", "y.id names no table")]
    [TestCase("INSERT INTO t (id, note) VALUES (1, 'n')", "t has no column note")]
    [TestCase("UPDATE u SET name = 'n'", "u has no column name")]
    [TestCase("SELECT ID FROM t", "column ID")]
    [TestCase("SELECT id FROM #never", "table #never")]
    public void Unknown_names_are_reported(string sql, string problem)
    {
        Assert.That(Problems(sql), Has.Some.Contains(problem));
    }

    [Test]
    public void A_dropped_temp_table_is_gone()
    {
        Assert.That(Problems("SELECT * INTO #s FROM t WHERE 1 = 0", "DROP TABLE IF EXISTS #s;", "SELECT id FROM #s"), Has.Some.Contains("table #s"));
    }

    [Test]
    public void A_literal_is_found_in_what_was_sent_as_the_dialect_and_dapper_changed_it()
    {
        Assert.That(SqlLiteralInventory.AsWritten("SELECT TOP (10) a\n   FROM t WHERE id IN (@Ids1,@Ids2,@Ids3);"), Is.EqualTo("SELECT a FROM t WHERE id IN @Ids"));
        Assert.That(SqlLiteralInventory.AsWritten("SELECT TOP (0) \"a\" FROM t"), Is.EqualTo("SELECT \"a\" FROM t"));
    }

    [Test]
    public void A_literal_that_was_never_sent_is_reported()
    {
        SqlLiteral[] literals =
        [
            new("T", "Read", "SELECT a\n  FROM t WHERE id IN @Ids;"),
            new("T", "Remove", "DELETE FROM t WHERE id = @Id"),
        ];

        var unsent = SqlLiteralInventory.NotIn(literals, ["SELECT TOP (5) a FROM t WHERE id IN (@Ids1,@Ids2) ORDER BY a"]);

        Assert.That(unsent.Select(l => l.Method), Is.EqualTo(new[] { "Remove" }));
    }
}

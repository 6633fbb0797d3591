namespace Dashboard.Data.Tests.Support;

/// <summary>
/// A table of untyped columns holding every SQLite storage class (an SSD extract's text-typed columns can hold any of
/// them): what the raw source readers must give back exactly as the data reader would. Rows 1-3 are the same for every
/// test that uses it; <see cref="PaddedRow"/> is a fourth, for tests that also check whitespace and negative zero.
/// </summary>
internal static class MixedStorageTable
{
    public const string Select = "SELECT id, word, whole, part, raw, missing FROM t ORDER BY id";

    public const int Columns = 6;

    public const string Create = """
        CREATE TABLE t (id INTEGER, word, whole, part, raw, missing);
        INSERT INTO t VALUES (1, 'plain', 42, 0.5, x'00ff10', NULL);
        INSERT INTO t VALUES (2, '', -9007199254740993, 1e300, x'', NULL);
        INSERT INTO t VALUES (3, 'Zoë ŁÓDŹ 👪 日本', '12', '2024-02-29', 'text in a blob column', 7);
        """;

    public const string PaddedRow = "INSERT INTO t VALUES (4, '  padded  ', 3.0, -0.0, NULL, 'x');";
}

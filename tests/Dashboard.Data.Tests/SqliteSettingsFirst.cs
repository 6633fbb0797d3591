using Dashboard.Data.Sqlite;

namespace Dashboard.Data.Tests;

/// <summary>
/// Applies the product's process-wide SQLite settings before any test of this assembly opens a database, as the CLI and
/// the web entry point do first thing (SQLite takes them only until it starts), so every test here runs as production does.
/// </summary>
[SetUpFixture]
public sealed class SqliteSettingsFirst
{
    /// <summary>What SQLite answered (SQLITE_OK when the settings took effect).</summary>
    public static int Result { get; private set; } = -1;

    [OneTimeSetUp]
    public void Apply() => Result = SqliteProcessSettings.Apply();
}

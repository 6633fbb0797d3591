using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests;

/// <summary>
/// Removes the test councils' folder when the run ends. In the assembly's root namespace: NUnit runs a set-up fixture
/// around the tests of its own namespace only, and in Support (which has no tests) it never ran, leaving 45-130 MB
/// in the temporary folder after every run.
/// </summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteWarehouses()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestWarehouses.DeleteAll();
    }
}

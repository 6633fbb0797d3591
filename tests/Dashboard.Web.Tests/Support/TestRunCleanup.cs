namespace Dashboard.Web.Tests.Support;

/// <summary>Removes the test councils' folder when the run ends.</summary>
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

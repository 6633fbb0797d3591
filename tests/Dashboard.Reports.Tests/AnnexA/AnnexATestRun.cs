using Dashboard.Reports.Tests.Support;

namespace Dashboard.Reports.Tests.AnnexA;

/// <summary>Removes the Annex A tests' warehouse files once the namespace's tests are done.</summary>
[SetUpFixture]
public sealed class AnnexATestRun
{
    [OneTimeTearDown]
    public void DeleteWarehouses() => AnnexATestWarehouse.DeleteAll();
}

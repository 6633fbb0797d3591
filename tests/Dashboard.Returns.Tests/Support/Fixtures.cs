namespace Dashboard.Returns.Tests.Support;

/// <summary>Hand-made return files under Fixtures/ (written for these tests from the published specifications).</summary>
public static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}

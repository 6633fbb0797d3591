namespace Dashboard.Core.Tests.Indicators.Support;

/// <summary>Finds the repository root (where Dashboard.sln lives) for tests that check generated files.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("Dashboard.sln not found above the test directory.");
        }
    }

    /// <summary>
    /// Asserts the committed file equals what the code renders; with UPDATE_DOCS=1 writes it instead, so the
    /// fix for a stale file is one command.
    /// </summary>
    public static void AssertGenerated(string relativePath, string rendered)
    {
        var path = Path.Combine(Root, relativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rendered);
            Assert.Pass($"Wrote {relativePath}.");
        }
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.That(committed, Is.EqualTo(rendered),
            $"{relativePath} is stale. Regenerate it: UPDATE_DOCS=1 dotnet test tests/Dashboard.Core.Tests --filter Generated");
    }
}

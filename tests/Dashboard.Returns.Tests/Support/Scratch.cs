namespace Dashboard.Returns.Tests.Support;

/// <summary>A folder of its own under the temp directory, deleted with everything in it.</summary>
public sealed class Scratch : IDisposable
{
    public Scratch(string prefix = "returns")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dashboard-{prefix}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Folder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clear; never fail a test over its clean-up.
        }
    }
}

using Dashboard.Reports.Pdf;

namespace Dashboard.Reports;

/// <summary>
/// Writes a pack file all or nothing: the folder is created if need be, an unwritable folder is one sentence
/// (<see cref="PackOutputException"/>), and a pack that fails part-way leaves no half-written file behind that
/// someone could mistake for the real thing.
/// </summary>
public static class PackFile
{
    public static async Task<string> WriteAsync(string path, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        await using (var file = Open(full))
        {
            try
            {
                await write(file);
                return full;
            }
            catch
            {
                await file.DisposeAsync();
                File.Delete(full);
                throw;
            }
        }
    }

    private static FileStream Open(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
            return new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new PackOutputException($"The pack cannot be written to the folder {folder}: {e.Message}", e);
        }
    }
}

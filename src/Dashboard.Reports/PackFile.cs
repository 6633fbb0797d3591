using Dashboard.Reports.Pdf;

namespace Dashboard.Reports;

/// <summary>
/// Writes a pack file all or nothing: the folder is created if need be, an unwritable folder is one sentence
/// (<see cref="PackOutputException"/>), and a pack that fails part-way leaves neither a half-written file that someone
/// could mistake for the real thing nor a gap where last month's good pack was. The pack is written beside its final
/// name and moved over it only once complete, so the previous file of that name survives a failed run.
/// </summary>
public static class PackFile
{
    public static async Task<string> WriteAsync(string path, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var partial = PartialPath(full);
        try
        {
            await using (var file = Open(partial))
            {
                await write(file);
            }
            Publish(partial, full);
            return full;
        }
        finally
        {
            // After a successful move this finds nothing; after a failure it removes the unfinished file.
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>The unfinished file sits in the same folder (a move within one volume cannot half-happen), hidden and
    /// named so that nobody takes it for a pack.</summary>
    internal static string PartialPath(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");

    private static void Publish(string partial, string full)
    {
        try
        {
            File.Move(partial, full, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new PackOutputException($"The pack could not be saved as {full} (is it open in another program?): {e.Message}", e);
        }
    }

    private static FileStream Open(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new PackOutputException($"The pack cannot be written to the folder {folder}: {e.Message}", e);
        }
    }
}

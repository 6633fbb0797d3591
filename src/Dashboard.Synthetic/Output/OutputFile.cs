namespace Dashboard.Synthetic.Output;

/// <summary>
/// The output path: checked up front with a clear message, written under a temporary name in the same
/// directory, then moved over the target (replacing an existing file) only when the database is complete.
/// </summary>
internal static class OutputFile
{
    public static (string Target, string Temporary) Prepare(string outPath)
    {
        if (string.IsNullOrWhiteSpace(outPath))
        {
            throw new ArgumentException("The output path must name a file.", nameof(outPath));
        }
        var target = Path.GetFullPath(outPath);
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"The output path {target} must name a file.", nameof(outPath));
        if (Directory.Exists(target))
        {
            throw new IOException($"The output path {target} is a directory; give a file name.");
        }
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot write {target}: the directory {directory} does not exist.");
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot write {target}: the directory {directory} is not writable.", e);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot write {target}: {e.Message}", e);
        }
        return (target, temporary);
    }

    public static void Publish(string temporary, string target)
    {
        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot replace {target}: it is read-only or in use.", e);
        }
    }

    public static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is harmless and named as such.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

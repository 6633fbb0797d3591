namespace Dashboard.Reports.Pdf;

/// <summary>
/// The repository's reports/ folder: pack definitions (packs/*.yaml) and the print stylesheet (print.css), read at
/// run time so the improvement lead can change them without a rebuild.
/// </summary>
public static class ReportsFolder
{
    public const string PrintStylesheet = "print.css";

    /// <summary>
    /// <paramref name="configured"/> when given (it must exist), else the reports folder beside Dashboard.sln found by
    /// walking up from the application's folder (a checkout or a published copy that keeps the layout).
    /// </summary>
    public static string Locate(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new PackDefinitionException($"The reports folder {full} does not exist: point the reports folder setting at the folder holding packs/ and print.css.");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var reports = Path.Combine(dir.FullName, "reports");
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")) && Directory.Exists(reports)) return reports;
        }
        throw new PackDefinitionException(
            $"No reports folder was found above {AppContext.BaseDirectory}: set the reports folder (the one holding packs/ and print.css).");
    }

    /// <summary>The text of a file in the reports folder, or one sentence naming the file that is missing.</summary>
    public static string ReadText(string reportsFolder, string relativePath)
    {
        var path = Path.Combine(reportsFolder, relativePath);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackDefinitionException($"{path} could not be read: {e.Message}", e);
        }
    }
}

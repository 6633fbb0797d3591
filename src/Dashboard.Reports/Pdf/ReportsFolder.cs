namespace Dashboard.Reports.Pdf;

/// <summary>
/// The reports/ folder: pack definitions (packs/*.yaml) and the print stylesheet (print.css), read at run time so the
/// improvement lead can change them without a rebuild.
/// </summary>
public static class ReportsFolder
{
    public const string PrintStylesheet = "print.css";

    /// <summary>The setting that names a council's own reports folder, as written in appsettings.json.</summary>
    public const string Setting = "Dashboard:Reports:Folder";

    /// <summary>The same setting as an environment variable (a systemd unit, a Windows service's environment).</summary>
    public const string EnvironmentVariable = "Dashboard__Reports__Folder";

    /// <summary>
    /// <paramref name="configured"/> when given (it must exist); else, in a checkout, the reports folder beside
    /// Dashboard.sln (so an edit there shows at once); else the reports folder next to the executable, which the build
    /// and <c>dotnet publish</c> copy there.
    /// </summary>
    public static string Locate(string? configured = null) => Locate(configured, AppContext.BaseDirectory);

    internal static string Locate(string? configured, string applicationFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new PackDefinitionException(
                    $"The reports folder {full} does not exist: point {Setting} ({EnvironmentVariable}) at the folder holding packs/ and print.css.");
        }
        for (var dir = new DirectoryInfo(applicationFolder); dir is not null; dir = dir.Parent)
        {
            var reports = Path.Combine(dir.FullName, "reports");
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")) && Directory.Exists(reports)) return reports;
        }
        var beside = Path.Combine(applicationFolder, "reports");
        if (Directory.Exists(beside)) return Path.GetFullPath(beside);
        throw new PackDefinitionException(
            $"No reports folder was found next to the program ({Path.GetFullPath(beside)} is missing): set {Setting} ({EnvironmentVariable}) to the folder holding packs/ and print.css.");
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

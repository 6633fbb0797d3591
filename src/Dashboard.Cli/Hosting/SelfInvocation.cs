namespace Dashboard.Cli.Hosting;

/// <summary>How the person at the terminal runs this program again, for hints such as "now try ... runs":
/// "dashboard" when installed as an executable, "dotnet path/to/dashboard.dll" when run through the host.</summary>
public static class SelfInvocation
{
    public static string Command()
    {
        var process = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "dashboard");
        if (!string.Equals(process, "dotnet", StringComparison.OrdinalIgnoreCase)) return "dashboard";
        var dll = Path.Combine(AppContext.BaseDirectory, "dashboard.dll");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), dll);
        return $"dotnet {(relative.StartsWith("..", StringComparison.Ordinal) ? dll : relative)}";
    }
}

using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Services.Packs;

/// <summary>
/// Where the pack definitions live (Dashboard:Reports:Folder, the folder holding packs/*.yaml and print.css).
/// Unset: the reports folder beside Dashboard.sln, found by <see cref="Dashboard.Reports.Pdf.ReportsFolder.Locate"/>.
/// </summary>
public sealed record PackSettings(string? ReportsFolder)
{
    public const string FolderKey = "Dashboard:Reports:Folder";

    public static PackSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new PackSettings(configuration[FolderKey] is { Length: > 0 } folder ? folder.Trim() : null);
    }
}

using System.Diagnostics;
using System.Reflection;

namespace Dashboard.Cli.Tests.Processes;

/// <summary>
/// What a council's IT gets from <c>dotnet publish src/Dashboard.Cli -o DIR</c>: a folder that makes packs with no
/// setting, run from anywhere (a service's working directory is not the program's folder), and that names the setting
/// when its reports folder has gone.
/// </summary>
[NonParallelizable]
public sealed class PublishedFolderTests
{
    private CliHarness _cli = null!;
    private string _published = null!;
    private string _elsewhere = null!;

    [OneTimeSetUp]
    public async Task PublishAndLoadAsync()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Runs the published folder with Linux paths.");
        _cli = new CliHarness();
        var demo = await _cli.RunAsync("demo", "--preset", "scilly", "--no-serve");
        Assert.That(demo.ExitCode, Is.Zero, demo.ToString());
        _published = Path.Combine(_cli.Directory, "published");
        _elsewhere = Directory.CreateDirectory(Path.Combine(_cli.Directory, "elsewhere")).FullName;
        await PublishAsync(_published);
    }

    [OneTimeTearDown]
    public void Cleanup() => _cli?.Dispose();

    [Test]
    public void The_published_folder_carries_the_pack_definitions_and_print_stylesheet()
    {
        Assert.That(File.Exists(Path.Combine(_published, "reports", "packs", "councillor.yaml")), Is.True);
        Assert.That(File.Exists(Path.Combine(_published, "reports", "packs", "monitoring.yaml")), Is.True);
        Assert.That(File.Exists(Path.Combine(_published, "reports", "print.css")), Is.True);
        Assert.That(File.Exists(Path.Combine(_published, "reports", "settings", "indicator-defaults.json")), Is.True);
    }

    [Test]
    public async Task A_pack_is_made_from_the_published_folder_run_from_another_directory_with_no_setting()
    {
        if (!File.Exists("/usr/bin/chromium")) Assert.Ignore("The councillor pack needs Debian's chromium: run ./.ci/setup.sh.");
        var output = Path.Combine(_elsewhere, "packs");
        using var run = DashboardProcess.Start(Settings(), ["pack", "--pack", "councillor", "--month", "2026-03", "--out", output],
            _published, _elsewhere);
        Assert.That(await run.ExitsWithinAsync(TimeSpan.FromMinutes(2)), Is.True, run.ToString());
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(output, "councillor-2026-03.pdf"))[..4], Is.EqualTo("%PDF"u8.ToArray()));
    }

    [Test]
    public async Task Without_its_reports_folder_a_published_copy_names_the_setting_to_set()
    {
        var copy = Path.Combine(_cli.Directory, "published-without-reports");
        CopyFolder(_published, copy);
        Directory.Delete(Path.Combine(copy, "reports"), recursive: true);
        using var run = DashboardProcess.Start(Settings(), ["pack", "--pack", "monitoring", "--month", "2026-03", "--format", "xlsx", "--out", _elsewhere],
            copy, _elsewhere);
        Assert.That(await run.ExitsWithinAsync(TimeSpan.FromMinutes(2)), Is.True, run.ToString());
        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("Dashboard:Reports:Folder").And.Contain("Dashboard__Reports__Folder"));
    }

    [Test]
    public async Task A_council_s_own_reports_folder_is_still_used_when_named()
    {
        var own = Path.Combine(_cli.Directory, "council-reports");
        CopyFolder(Path.Combine(_published, "reports"), own);
        File.Delete(Path.Combine(own, "packs", "monitoring.yaml"));
        var settings = Settings();
        settings["Dashboard__Reports__Folder"] = own;
        using var run = DashboardProcess.Start(settings, ["pack", "--pack", "monitoring", "--month", "2026-03", "--format", "xlsx", "--out", _elsewhere],
            _published, _elsewhere);
        Assert.That(await run.ExitsWithinAsync(TimeSpan.FromMinutes(2)), Is.True, run.ToString());
        Assert.That(run.ExitCode, Is.Not.Zero, "the named folder, not the published one, was read");
        Assert.That(run.Error, Does.Contain(Path.Combine(own, "packs", "monitoring.yaml")));
    }

    private Dictionary<string, string> Settings() => new() { ["Dashboard__DataDirectory"] = _cli.Directory };

    /// <summary>Publishes the Cli project as built for these tests (same configuration, no second build).</summary>
    private static async Task PublishAsync(string folder)
    {
        var configuration = typeof(PublishedFolderTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryRoot(), "src", "Dashboard.Cli", "Dashboard.Cli.csproj");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "publish", project, "-c", configuration, "--no-build", "-o", folder, "-nologo", "-v", "q" }) info.ArgumentList.Add(a);
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.That(publish.ExitCode, Is.Zero, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("These tests run from a checkout: Dashboard.sln was not found above " + AppContext.BaseDirectory);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

using System.Diagnostics;

namespace Dashboard.Reports.Tests.Support;

/// <summary>Poppler's pdfinfo, pdftotext and pdftoppm, to read produced PDFs back as a person would.</summary>
internal static class PdfTools
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Ignores the test (with the reason) when Chromium or poppler-utils are not installed.</summary>
    public static void RequireTools()
    {
        if (!File.Exists(Chromium)) Assert.Ignore($"PDF tests need Debian's chromium at {Chromium}: run ./.ci/setup.sh.");
        if (!File.Exists("/usr/bin/pdfinfo") || !File.Exists("/usr/bin/pdftotext") || !File.Exists("/usr/bin/pdftoppm"))
        {
            Assert.Ignore("PDF tests need poppler-utils (pdfinfo, pdftotext, pdftoppm): run ./.ci/setup.sh.");
        }
    }

    /// <summary>pdfinfo's fields ("Title", "Tagged", "Pages", "Page size"...).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InfoAsync(string pdf)
    {
        var text = await RunAsync("pdfinfo", pdf);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
    }

    /// <summary>The text of the whole document (or one page), in reading order.</summary>
    public static Task<string> TextAsync(string pdf, int? page = null) =>
        page is { } p ? RunAsync("pdftotext", "-f", p.ToString(), "-l", p.ToString(), pdf, "-") : RunAsync("pdftotext", pdf, "-");

    /// <summary>PNG renders of pages 1 and 2 into artifacts/packs at the repository root, for people to look at.</summary>
    public static async Task<IReadOnlyList<string>> RenderFirstPagesAsync(string pdf, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "packs");
        Directory.CreateDirectory(folder);
        var prefix = Path.Combine(folder, name);
        // pdftoppm numbers pages -1 or -01 by the page count: clear the last run's renders so none is stale.
        foreach (var old in Directory.GetFiles(folder, name + "-*.png")) File.Delete(old);
        await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", pdf, prefix);
        return [.. Directory.GetFiles(folder, name + "-*.png").Order(StringComparer.Ordinal)];
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Dashboard.sln was not found above the test folder.");
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}

using System.Net;
using Microsoft.Playwright;

namespace Dashboard.Reports.Pdf;

/// <summary>What runs along the top and bottom of every printed page.</summary>
/// <param name="Council">"Isles of Scilly Council".</param>
/// <param name="Pack">"Councillors' monthly report".</param>
/// <param name="Period">"March 2026".</param>
/// <param name="FooterNote">A short line on every page, for example the suppression key; null for none.</param>
public sealed record PageFrame(string Council, string Pack, string Period, string? FooterNote = null);

/// <summary>
/// Prints HTML to a tagged A4 PDF with Debian's Chromium through Playwright (never Playwright's own browser download: nothing can
/// be downloaded here). One browser serves a whole pack run; each print uses a fresh page.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PdfPrinter(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Starts Chromium. A missing or broken Chromium is a <see cref="ChromiumUnavailableException"/>.</summary>
    public static async Task<PdfPrinter> StartAsync(string chromiumPath = DefaultChromiumPath)
    {
        if (!File.Exists(chromiumPath))
        {
            throw new ChromiumUnavailableException($"Chromium was not found at {chromiumPath}: install the chromium package (./.ci/setup.sh).");
        }
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            return new PdfPrinter(playwright, browser);
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException)
        {
            playwright?.Dispose();
            throw new ChromiumUnavailableException($"Chromium at {chromiumPath} could not be started: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Loads <paramref name="html"/> (charts already drawn into it as SVG) and returns the PDF.</summary>
    public async Task<byte[]> PrintAsync(string html, PageFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(frame);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = true });
        try
        {
            var page = await context.NewPageAsync();
            // No request may leave the page: everything it needs is inline.
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = Header(frame),
                FooterTemplate = Footer(frame),
                Margin = new Margin { Top = "20mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
            });
        }
        catch (TimeoutException e)
        {
            throw new PackException("The print page did not load in time; it may be broken.", e);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    // Header and footer templates are separate documents: no page CSS reaches them, and their text is 0px unless set.
    private const string Band = "font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #505A5F; width: 100%; "
        + "margin: 0 16mm; display: flex; justify-content: space-between; gap: 8mm;";

    private static string Header(PageFrame f) =>
        $"<div style=\"{Band}\"><span>{E(f.Council)}</span><span>{E(f.Pack)}: {E(f.Period)}</span></div>";

    private static string Footer(PageFrame f) =>
        $"<div style=\"{Band}\"><span>{E(f.FooterNote ?? "")}</span>"
        + "<span style=\"white-space: nowrap\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}

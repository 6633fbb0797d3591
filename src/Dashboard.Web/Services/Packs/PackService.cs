using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Rolling;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Reports;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Pdf;
using Dashboard.Web.Auditing;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.Packs;

/// <summary>A pack the viewer may make, as the Packs page offers it.</summary>
public sealed record PackOffer(PackKind Kind, string Name, string Title, string Holds, IReadOnlyList<PackFormat> Formats, bool HoldsChildLevelData);

/// <summary>What the Packs page shows: the packs the viewer may make and the months with figures, latest first.</summary>
/// <param name="Months">The months offered, newest first (the month so far first when there is one).</param>
public sealed record PacksPageModel(IReadOnlyList<PackOffer> Packs, IReadOnlyList<Month> Months)
{
    /// <summary>The months offered with the rule that names them; null before the first load.</summary>
    public ReportingMonths? Offered { get; init; }

    /// <summary>The council's default length (<c>defaultLength</c>), preselected in the packs' "figures for" choice.</summary>
    public FigureLength DefaultLength { get; init; } = FigureLength.OneMonth;

    /// <summary>The month preselected: the latest complete month, never the month so far.</summary>
    public Month? Default => Offered?.Default;

    /// <summary>"November 2026", or "December 2026: month so far (to 4 December)".</summary>
    public string Label(Month month) => Offered?.Label(month) ?? ReportingMonths.Name(month);
}

/// <summary>A made pack, read into memory so its temporary file is already gone when the download starts.</summary>
public sealed record PackDownload(byte[] Content, string ContentType, string FileName);

/// <summary>A made pack, or why it could not be made (<see cref="PackProblem"/> code).</summary>
public sealed record PackResult(PackDownload? Download, string? Problem);

/// <summary>
/// Makes packs for the dashboard with the same code as <c>dashboard pack</c>, after the access rules: the councillor
/// pack is aggregates only, so everyone signed in may have it; packs that list children (Annex A, the monitoring-visit pack) only for roles that
/// see children across the whole council, which leaves out managers (those packs list children beyond their teams).
/// Every download is audited; a refusal is an <see cref="AccessDeniedException"/> (403, audited by the middleware).
/// </summary>
public sealed class PackService(IConnectionFactory warehouse, IndicatorSettings settings, PackSettings packSettings, AuditTrail audit, TimeProvider time)
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool MayMake(Viewer viewer, PackKind kind)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return !Reports.Packs.HoldsChildLevelData(kind) || (viewer.SeesChildren && !viewer.IsRestrictedToTeams);
    }

    public async Task<PacksPageModel> PageAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var offers = Reports.Packs.Available.Where(k => MayMake(viewer, k)).Select(Offer).ToList();
        var offered = await PackFigures.OfferedAsync(Context(null), cancellationToken);
        return new PacksPageModel(offers, [.. (offered?.Available ?? []).OrderDescending()]) { Offered = offered, DefaultLength = settings.DefaultFigureLength };
    }

    /// <summary>Makes <paramref name="pack"/> for <paramref name="month"/> ("yyyy-MM") in <paramref name="format"/> ("pdf", "xlsx").</summary>
    public Task<PackResult> MakeAsync(Viewer viewer, string? pack, string? month, string? format, CancellationToken cancellationToken = default) =>
        MakeAsync(viewer, pack, month, format, null, cancellationToken);

    /// <param name="length">"1", "3" or "12": how many months each figure covers; empty: the council's default.</param>
    public async Task<PackResult> MakeAsync(Viewer viewer, string? pack, string? month, string? format, string? length,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!TryKind(pack, out var kind)) return new PackResult(null, PackProblem.Pack);
        if (!MayMake(viewer, kind))
        {
            throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot make the {Reports.Packs.Name(kind)} pack: it lists children across the whole council.");
        }
        Month? asked = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!TryMonth(month, out var m)) return await FailedAsync(kind, month, format, PackProblem.Month, "Not a month (yyyy-MM).");
            asked = m;
        }
        FigureLength? figureLength = null;
        if (!string.IsNullOrWhiteSpace(length))
        {
            try
            {
                figureLength = FigureLength.Parse(length, settings.DefaultFigureLength);
            }
            catch (LengthNotOfferedException)
            {
                return await FailedAsync(kind, month, format, PackProblem.Length, "Not a length (1, 3 or 12 months).");
            }
        }
        PackFormat? chosen = null;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (!Enum.TryParse<PackFormat>(format.Trim(), ignoreCase: true, out var f) || !Enum.IsDefined(f))
            {
                return await FailedAsync(kind, month, format, PackProblem.Format, "Not a pack format.");
            }
            chosen = f;
        }

        // A fresh folder per request: two people making the same pack never share a file, and nothing is left behind.
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-packs", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var path = await Reports.Packs.WriteAsync(kind, chosen, Context(asked) with { Length = figureLength }, folder, cancellationToken);
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            var fileName = Path.GetFileName(path);
            var type = Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? PdfType : XlsxType;
            await audit.RecordAsync(AuditActions.DownloadPack, Resource(kind, month, format ?? Extension(path)) + LengthNote(figureLength), cancellationToken: cancellationToken);
            return new PackResult(new PackDownload(content, type, fileName), null);
        }
        catch (Exception ex) when (ex is PackException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            var code = ex is IOException or UnauthorizedAccessException ? PackProblem.Output : PackProblem.CodeFor(ex, asked is not null);
            return await FailedAsync(kind, month, format, code, ex.Message);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>"councillor 2026-03 pdf": what the audit log says was downloaded (never the data).</summary>
    public static string Resource(PackKind kind, string? month, string? format) =>
        $"{Reports.Packs.Name(kind)} {(string.IsNullOrWhiteSpace(month) ? "latest" : month.Trim())} {(string.IsNullOrWhiteSpace(format) ? Reports.Packs.Formats(kind)[0].ToString() : format.Trim()).ToLowerInvariant()}";

    /// <summary>" 3 months" for a rolling pack in the audit log; nothing for a month's figures.</summary>
    private static string LengthNote(FigureLength? length) => length is { IsRolling: true } l ? $" {l.Months} months" : "";

    public static bool TryKind(string? name, out PackKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            kind = Reports.Packs.Parse(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<PackResult> FailedAsync(PackKind kind, string? month, string? format, string code, string detail)
    {
        // Only the resource's own words go in: the month and format were checked or are cut short.
        await audit.RecordAsync(AuditActions.DownloadPack, Resource(kind, Short(month), Short(format)), AuditOutcome.Failed, detail);
        return new PackResult(null, code);
    }

    private static string? Short(string? text) => text is { Length: > 20 } ? text[..20] : text;

    private PackContext Context(Month? month) => new(warehouse, settings)
    {
        Month = month,
        ReportsFolder = packSettings.ReportsFolder,
        Time = time,
    };

    private static bool TryMonth(string text, out Month month)
    {
        month = default;
        var t = text.Trim();
        if (t.Length != 7 || t[4] != '-' || !int.TryParse(t[..4], out var year) || !int.TryParse(t[5..], out var number)) return false;
        if (year is < 1900 or > 9999 || number is < 1 or > 12) return false;
        month = new Month(year, number);
        return true;
    }

    private static string Extension(string path) => Path.GetExtension(path).TrimStart('.');

    private static PackOffer Offer(PackKind kind) => new(kind, Reports.Packs.Name(kind), Reports.Packs.Title(kind), Holds(kind),
        Reports.Packs.Formats(kind), Reports.Packs.HoldsChildLevelData(kind));

    private static string Holds(PackKind kind) => kind switch
    {
        PackKind.Councillor => "A one-page summary in plain English (what improved, what got worse, what is being done), then a page per "
            + "Ofsted theme with each indicator's trend against its target and England, and the verdict in words. Council figures only: "
            + "no child is named, and small counts are shown as c.",
        PackKind.AnnexA => "Ofsted's Annex A lists 1 to 9 as far as the data allows, one sheet per list, as at the month's last day "
            + "(or the extract date for the current month) with the six-month lookback, and a front sheet saying what each list holds "
            + "and what could not be filled.",
        PackKind.Monitoring => "For each finding of the latest Ofsted letter (recorded on the Themes page): how its measures moved since "
            + "the letter, council-wide and by team; funnel plots of teams' threshold decisions; partner agencies' attendance; the "
            + "longest-overdue children; and a data quality statement. The Excel twin holds the tables and every exception row.",
        _ => "",
    };

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a virus scanner) is left for the temp folder's own clean-up; the download has its bytes.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

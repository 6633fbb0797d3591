using Dashboard.Core.Indicators;
using Dashboard.Data.Audit;
using Dashboard.Reports.AnnexA;
using Dashboard.Reports.Councillor;
using Dashboard.Reports.Figures;
using Dashboard.Reports.Monitoring;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports;

/// <summary>
/// Every pack the product makes, one entry point for the `dashboard pack` command and the dashboard's Packs page
/// (the same code, so a pack is the same whichever way it was asked for).
/// </summary>
public static class Packs
{
    /// <summary>The packs that can be made, in the order people are offered them.</summary>
    public static IReadOnlyList<PackKind> Available { get; } = [PackKind.Councillor, PackKind.Monitoring, PackKind.AnnexA];

    /// <summary>"councillor", "monitoring", "annex-a": the name on the command line and in file names.</summary>
    public static string Name(PackKind kind) => kind switch
    {
        PackKind.Councillor => "councillor",
        PackKind.Monitoring => "monitoring",
        PackKind.AnnexA => "annex-a",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static PackKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var kind in Enum.GetValues<PackKind>())
        {
            if (string.Equals(Name(kind), name.Trim(), StringComparison.OrdinalIgnoreCase)) return kind;
        }
        throw new ArgumentException($"'{name}' is not a pack: use one of {string.Join(", ", Available.Select(Name))}.", nameof(name));
    }

    public static string Title(PackKind kind) => kind switch
    {
        PackKind.Councillor => CouncillorPack.PackName,
        PackKind.Monitoring => MonitoringPack.PackName,
        PackKind.AnnexA => "Annex A: the child-level lists Ofsted asks for",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The formats a pack comes in; the first is its default.</summary>
    public static IReadOnlyList<PackFormat> Formats(PackKind kind) => kind switch
    {
        PackKind.Councillor => [PackFormat.Pdf],
        PackKind.Monitoring => [PackFormat.Pdf, PackFormat.Xlsx],
        PackKind.AnnexA => [PackFormat.Xlsx],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True when the pack lists children: only roles that see children may have it, and it is marked OFFICIAL-SENSITIVE.</summary>
    public static bool HoldsChildLevelData(PackKind kind) => kind != PackKind.Councillor;

    /// <summary>
    /// Makes the pack for <see cref="PackContext.Month"/> (null: the latest complete month; for Annex A, a list as at a date,
    /// the extract date) into
    /// <paramref name="outputFolder"/> and returns the file's path. Bad input is a <see cref="PackException"/> or
    /// <see cref="ArgumentException"/> with one sentence naming it.
    /// </summary>
    public static async Task<string> WriteAsync(PackKind kind, PackFormat? format, PackContext context, string outputFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var chosen = format ?? Formats(kind)[0];
        if (!Formats(kind).Contains(chosen))
        {
            throw new ArgumentException($"The {Name(kind)} pack comes as {string.Join(" or ", Formats(kind)).ToLowerInvariant()}, not {chosen.ToString().ToLowerInvariant()}.", nameof(format));
        }
        return kind switch
        {
            PackKind.Councillor => await CouncillorPack.WritePdfAsync(context, outputFolder, cancellationToken),
            PackKind.Monitoring when chosen == PackFormat.Pdf => await MonitoringPack.WritePdfAsync(context, outputFolder, cancellationToken),
            PackKind.Monitoring => await MonitoringWorkbook.WriteAsync(context, outputFolder, cancellationToken),
            PackKind.AnnexA => await WriteAnnexAAsync(context, outputFolder, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// Annex A for a month is as at the month's last day, or the extract date when the month is the one still
    /// running (a list cannot reach past the data).
    /// </summary>
    private static async Task<string> WriteAnnexAAsync(PackContext context, string outputFolder, CancellationToken cancellationToken)
    {
        var lastLoad = await new LoadAuditQueries(context.Warehouse).LastSucceededAsync(cancellationToken)
            ?? throw new AnnexANoDataException();
        DateOnly reference = lastLoad.AsOfDate;
        if (context.Month is { } month)
        {
            if (month.First > lastLoad.AsOfDate)
            {
                throw new PackDataException($"{month} is after the data's extract date ({lastLoad.AsOfDate:d MMM yyyy}): choose {Month.Of(lastLoad.AsOfDate)} or earlier.");
            }
            reference = month.Last < lastLoad.AsOfDate ? month.Last : lastLoad.AsOfDate;
        }
        var path = Path.Combine(Path.GetFullPath(outputFolder), $"annex-a-{reference:yyyy-MM-dd}.xlsx");
        return await PackFile.WriteAsync(path, stream => AnnexAWorkbook.WriteAsync(context.Warehouse, context.Settings, reference, stream, cancellationToken));
    }
}

using Dashboard.Core.Indicators;
using Dashboard.Core.Indicators.Settings;
using Dashboard.Data;

namespace Dashboard.Reports.Figures;

/// <summary>What every pack is made from: the loaded warehouse, the council's settings and the month to report.</summary>
/// <param name="Warehouse">Connections to the warehouse the nightly run loaded.</param>
/// <param name="Settings">The council's name, targets and suppression threshold.</param>
public sealed record PackContext(IConnectionFactory Warehouse, IndicatorSettings Settings)
{
    /// <summary>The month to report; null: the latest month with figures.</summary>
    public Month? Month { get; init; }

    /// <summary>How many months each figure covers (1, or rolling 3 or 12); null: the council's setting <c>defaultLength</c>.</summary>
    public Core.Indicators.Rolling.FigureLength? Length { get; init; }

    /// <summary>The length the pack reports: the one asked for, else the council's default.</summary>
    public Core.Indicators.Rolling.FigureLength EffectiveLength => Length ?? Settings.DefaultFigureLength;

    /// <summary>The folder holding packs/*.yaml and print.css; null: found beside Dashboard.sln.</summary>
    public string? ReportsFolder { get; init; }

    /// <summary>Chromium's path; Debian's by default.</summary>
    public string ChromiumPath { get; init; } = Pdf.PdfPrinter.DefaultChromiumPath;

    /// <summary>"Today", for the date a pack says it was produced.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

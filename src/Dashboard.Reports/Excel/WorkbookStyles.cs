using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Excel;

/// <summary>
/// The one stylesheet every workbook uses, with fixed style indexes so the sheet writer can name a style by
/// constant. Dates and percentages get custom number formats (dd/mm/yyyy, 0.0%); RAG colours are differential
/// formats used by conditional formatting (Excel's own "light red / yellow / green fill" colours).
/// </summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint Percent = 3;
    public const uint TwoDecimals = 4;
    public const uint Whole = 5;
    public const uint Marking = 6;
    public const uint Title = 7;

    public const uint DateFormatId = 164;
    public const uint PercentFormatId = 165;
    public const string DateFormat = "dd/mm/yyyy";
    public const string PercentFormat = "0.0%";

    /// <summary>The differential format index of each RAG colour.</summary>
    public static uint DifferentialFormat(RagColour colour) => colour switch
    {
        RagColour.Red => 0,
        RagColour.Amber => 1,
        _ => 2,
    };

    public static uint ForKind(ColumnKind kind) => kind switch
    {
        ColumnKind.Date => Date,
        ColumnKind.Percent => Percent,
        ColumnKind.Number => TwoDecimals,
        ColumnKind.Whole => Whole,
        _ => Default,
    };

    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = PercentFormat }) { Count = 2 },
        new Fonts(
            Font(bold: false),
            Font(bold: true),
            Font(bold: true, colour: "FFC00000"),
            Font(bold: true, size: 14)) { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true,
                ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormatId, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 3, FillId = 0, BorderId = 0, ApplyFont = true }) { Count = 8 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
        new DifferentialFormats(
            Rag("FFFFC7CE", "FF9C0006"),
            Rag("FFFFEB9C", "FF9C5700"),
            Rag("FFC6EFCE", "FF006100")) { Count = 3 });

    private static Font Font(bool bold, string? colour = null, double size = 11)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size });
        if (colour is not null) font.Append(new Color { Rgb = colour });
        font.Append(new FontName { Val = "Calibri" });
        return font;
    }

    private static DifferentialFormat Rag(string fill, string text) => new(
        new Font(new Color { Rgb = text }),
        new Fill(new PatternFill(new BackgroundColor { Rgb = fill }) { PatternType = PatternValues.Solid }));
}

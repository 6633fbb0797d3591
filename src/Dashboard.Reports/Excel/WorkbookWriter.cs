using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Reports.Excel;

/// <summary>
/// Writes an .xlsx workbook sheet by sheet. Data sheets stream their rows through the SAX writer (OpenXmlWriter),
/// so a sheet of tens of thousands of rows never sits in memory as a DOM; only a sample of rows is held to size
/// the columns. The document carries a title and the product as its creator: never a user name or a file path.
/// Dispose (or <see cref="Complete"/>) writes the workbook part that lists the sheets.
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    /// <summary>The creator recorded in the document properties.</summary>
    public const string Creator = "Inspection Ready";

    /// <summary>Rows held back to estimate column widths before the sheet is written.</summary>
    internal const int WidthSampleRows = 1000;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly List<(string Name, string RelationshipId)> _sheets = [];
    private readonly List<(string Sheet, string Range)> _filterRanges = [];
    private bool _completed;

    private WorkbookWriter(Stream output, string title)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Creator = Creator;
        _document.PackageProperties.LastModifiedBy = Creator;
        _workbookPart = _document.AddWorkbookPart();
        _workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Build();
    }

    /// <summary>Starts a workbook on <paramref name="output"/>; the caller still owns (and disposes) the stream.</summary>
    public static WorkbookWriter Create(Stream output, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new WorkbookWriter(output, title);
    }

    /// <summary>Writes a data sheet: optional marking line, styled header, frozen panes below the header, an
    /// autofilter over header and data, fitted widths, typed cells, RAG formats and any chart images to the right of
    /// the table. Returns the data rows written.</summary>
    public long AddSheet(SheetDefinition sheet, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(rows);
        if (sheet.Columns.Count == 0) throw new ArgumentException($"The sheet \"{sheet.Name}\" has no columns.", nameof(sheet));
        var part = StartSheet(sheet.Name);
        using var enumerator = rows.GetEnumerator();
        var sample = new List<IReadOnlyList<object?>>();
        while (sample.Count < WidthSampleRows && enumerator.MoveNext()) sample.Add(enumerator.Current);
        var widths = ColumnWidths.Estimate(sheet.Columns, sample);
        // The drawing part is made first: the worksheet names it by relationship id after its conditional formats.
        var drawing = sheet.Images.Count == 0 ? null : SheetImages.Add(part, sheet.Images, sheet.Columns.Count + 1, sheet.HeaderRow - 1);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenView(sheet.HeaderRow));
        writer.WriteElement(Columns(widths));
        writer.WriteStartElement(new SheetData());
        if (sheet.Marking is { } marking) WriteTextRow(writer, 1, [marking], WorkbookStyles.Marking);
        WriteTextRow(writer, sheet.HeaderRow, sheet.Columns.Select(c => c.Header).ToArray(), WorkbookStyles.Header);

        long rowNumber = sheet.HeaderRow;
        foreach (var row in sample) WriteDataRow(writer, ++rowNumber, sheet.Columns, row);
        while (enumerator.MoveNext()) WriteDataRow(writer, ++rowNumber, sheet.Columns, enumerator.Current);
        writer.WriteEndElement();

        var lastColumn = sheet.Columns.Count - 1;
        var filter = $"{CellRefs.Cell(0, sheet.HeaderRow)}:{CellRefs.Cell(lastColumn, rowNumber)}";
        writer.WriteElement(new AutoFilter { Reference = filter });
        _filterRanges.Add((sheet.Name, CellRefs.Range(sheet.Name, 0, sheet.HeaderRow, lastColumn, rowNumber)));
        var priority = 1;
        foreach (var rule in sheet.RagRules)
            writer.WriteElement(Conditional(rule, sheet.HeaderRow + 1, Math.Max(rowNumber, sheet.HeaderRow + 1), ref priority));
        if (drawing is not null) writer.WriteElement(new Drawing { Id = drawing });
        writer.WriteEndElement();
        writer.Close();
        return rowNumber - sheet.HeaderRow;
    }

    /// <summary>Writes a front or definitions sheet: title, paragraphs, then a two-column table with a styled header.
    /// With <paramref name="placeFirst"/> it becomes the first tab even when written last (a front sheet that
    /// summarises sheets written before it).</summary>
    public void AddFrontSheet(FrontSheet front, bool placeFirst = false)
    {
        ArgumentNullException.ThrowIfNull(front);
        var part = StartSheet(front.Name, placeFirst);
        var leftWidth = Math.Clamp(front.TableRows.Select(r => r.Left.Length).DefaultIfEmpty(0).Max() + 2, 20, 45);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView { WorkbookViewId = 0, ShowGridLines = false }));
        writer.WriteElement(Columns([leftWidth, 100]));
        writer.WriteStartElement(new SheetData());
        long row = 0;
        if (front.Marking is { } marking) WriteTextRow(writer, ++row, [marking], WorkbookStyles.Marking);
        WriteTextRow(writer, ++row, [front.Title], WorkbookStyles.Title);
        row++;
        foreach (var paragraph in front.Paragraphs) WriteTextRow(writer, ++row, [paragraph], WorkbookStyles.Default);
        row++;
        WriteTextRow(writer, ++row, [front.TableHeader.Left, front.TableHeader.Right], WorkbookStyles.Header);
        foreach (var (left, right) in front.TableRows) WriteTextRow(writer, ++row, [left, right], WorkbookStyles.Default);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>Writes the workbook part (the sheet list and filter ranges) and closes the package.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        if (_sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");
        var sheets = new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.RelationshipId }));
        var workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
        // Excel's own hidden name for each sheet's filter range, keyed by the sheet's final position.
        if (_filterRanges.Count > 0)
        {
            workbook.Append(new DefinedNames(_filterRanges.Select(f => new DefinedName(f.Range)
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)_sheets.FindIndex(s => s.Name == f.Sheet), Hidden = true,
            })));
        }
        _workbookPart.Workbook = workbook;
        _document.Dispose();
    }

    /// <summary>Closes the package. Without <see cref="Complete"/> first (an exception part-way) the output is not a
    /// usable workbook, which is right: a half-written pack must not pass for a whole one.</summary>
    public void Dispose()
    {
        if (_completed) return;
        _completed = true;
        _document.Dispose();
    }

    private WorksheetPart StartSheet(string name, bool placeFirst = false)
    {
        CellRefs.CheckSheetName(name);
        if (_sheets.Exists(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"The workbook already has a sheet named \"{name}\".", nameof(name));
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        _sheets.Insert(placeFirst ? 0 : _sheets.Count, (name, _workbookPart.GetIdOfPart(part)));
        return part;
    }

    // No sheet is marked tab-selected: Excel opens the first tab, and two selected tabs would open grouped.
    private static SheetViews FrozenView(int headerRow)
    {
        var topLeft = CellRefs.Cell(0, headerRow + 1);
        return new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) })
        { WorkbookViewId = 0 });
    }

    private static Columns Columns(IReadOnlyList<double> widths) =>
        new(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));

    private static void WriteTextRow(OpenXmlWriter writer, long row, string[] texts, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var i = 0; i < texts.Length; i++) CellWriter.Text(writer, CellRefs.Cell(i, row), texts[i], style);
        writer.WriteEndElement();
    }

    private static void WriteDataRow(OpenXmlWriter writer, long row, IReadOnlyList<SheetColumn> columns, IReadOnlyList<object?> values)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var i = 0; i < columns.Count && i < values.Count; i++)
            CellWriter.Value(writer, CellRefs.Cell(i, row), values[i], columns[i].Kind);
        writer.WriteEndElement();
    }

    private static ConditionalFormatting Conditional(RagRule rule, long firstRow, long lastRow, ref int priority)
    {
        var range = $"{CellRefs.Cell(rule.ColumnIndex, firstRow)}:{CellRefs.Cell(rule.ColumnIndex, lastRow)}";
        var formatting = new ConditionalFormatting { SequenceOfReferences = new ListValue<StringValue>([range]) };
        foreach (var (colour, op, formulas) in rule.Conditions)
        {
            var cf = new ConditionalFormattingRule
            {
                Type = ConditionalFormatValues.CellIs, Operator = new EnumValue<ConditionalFormattingOperatorValues>(Operator(op)),
                FormatId = WorkbookStyles.DifferentialFormat(colour), Priority = priority++,
            };
            foreach (var formula in formulas) cf.Append(new Formula(formula));
            formatting.Append(cf);
        }

        return formatting;
    }

    private static ConditionalFormattingOperatorValues Operator(string name) => name switch
    {
        "equal" => ConditionalFormattingOperatorValues.Equal,
        "lessThan" => ConditionalFormattingOperatorValues.LessThan,
        "lessThanOrEqual" => ConditionalFormattingOperatorValues.LessThanOrEqual,
        "greaterThan" => ConditionalFormattingOperatorValues.GreaterThan,
        "greaterThanOrEqual" => ConditionalFormattingOperatorValues.GreaterThanOrEqual,
        "between" => ConditionalFormattingOperatorValues.Between,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown conditional format operator."),
    };
}

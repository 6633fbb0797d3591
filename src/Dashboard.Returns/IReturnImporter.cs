namespace Dashboard.Returns;

/// <summary>
/// Reads one kind of return and writes what it holds into the SSD source contract through <see cref="SsdSourceWriter"/>,
/// streaming (one child, row or sheet row at a time; never the whole file in memory). Values keep their meaning:
/// dates become ISO yyyy-MM-dd, codes lose labels and letter prefixes; a value that cannot be read is written as it
/// was found, so the ETL quarantines its row naming table, row and field, exactly as for an SSD extract. An element or
/// row that cannot be placed at all (no child id, a record of the wrong shape) goes to
/// <see cref="SsdSourceWriter.Reject"/>. A file that cannot be read at all throws <see cref="ReturnFileException"/>.
/// The importer records its <see cref="ReturnProvenance"/> with <see cref="SsdSourceWriter.Record"/> before returning.
/// </summary>
public interface IReturnImporter
{
    StatutoryReturn Kind { get; }

    /// <param name="paths">Files (CIN census: one XML per year; Annex A: one workbook) or folders (SSDA903: one per
    /// year, or one folder of files named by year), in the order given; later years win for the same record.</param>
    ReturnImportSummary Import(IReadOnlyList<string> paths, SsdSourceWriter writer, IProgress<ImportProgress>? progress, CancellationToken ct);
}

/// <summary>
/// Writes a council's SSD-shaped source (the synthetic council, in tests and the demo) as this return, as the council's
/// case system would produce it; returns the files written. Reads the source with plain SQL over the SSD tables.
/// </summary>
public interface IReturnWriter
{
    StatutoryReturn Kind { get; }

    IReadOnlyList<string> Write(Microsoft.Data.Sqlite.SqliteConnection source, string outDirectory, ReturnWriteOptions options, CancellationToken ct);
}

/// <param name="ReferenceDate">The extract date: the last census (31 March of its year, or this date when earlier) and
/// Annex A's reference date.</param>
/// <param name="Years">Collection years to write, ending with the one holding <paramref name="ReferenceDate"/>.</param>
public sealed record ReturnWriteOptions(DateOnly ReferenceDate, int Years = 5);

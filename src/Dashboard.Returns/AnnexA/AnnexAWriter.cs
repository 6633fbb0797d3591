using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.AnnexA;

/// <summary>
/// Writes a council's SSD source as Ofsted's Annex A workbook at the reference date, laid out as the template is: one
/// sheet per list ("List_1" ... "List_11"), a title row, a note of the period, then the heading row and the children,
/// codes as "a) CODE: label", flags as "a) Yes"/"b) No", dates as real Excel dates. Lists 1-9 look back 6 months,
/// 10-11 12 months (the SSD source holds no adoption records, so those two carry their headings only).
/// </summary>
public sealed class AnnexAWriter : IReturnWriter
{
    public StatutoryReturn Kind => StatutoryReturn.AnnexA;

    public IReadOnlyList<string> Write(SqliteConnection source, string outDirectory, ReturnWriteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var reference = options.ReferenceDate;
        var path = Path.Combine(outDirectory, $"annex-a-{reference:yyyy-MM-dd}.xlsx");
        using (LookupIndexes.Create(source))
        using (var workbook = new SheetWriter(path))
        {
            foreach (var list in AnnexALists.All)
            {
                ct.ThrowIfCancellationRequested();
                var widths = list.Columns.Select(c => c.Kind == AnnexACellKind.Code ? 28d : Math.Clamp(c.Heading.Length * 0.6, 12, 30)).ToList();
                workbook.Sheet($"List_{list.Number}", widths, Rows(source, list, reference));
            }
        }
        return [path];
    }

    private static IEnumerable<(object?[] Cells, uint? Style)> Rows(SqliteConnection source, AnnexAList list, DateOnly reference)
    {
        var from = reference.AddMonths(-list.LookbackMonths).AddDays(1);
        yield return ([$"List {list.Number}: {list.Title}"], SheetWriter.TitleStyle);
        yield return ([$"The {list.LookbackMonths} months from {Long(from)} to {Long(reference)} (reference date {Long(reference)})"], null);
        yield return ([.. list.Columns.Select(c => (object?)c.Heading)], SheetWriter.HeadingStyle);
        if (AnnexAQueries.For(list.Number) is not { } sql) yield break;
        using var command = source.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", Iso(from));
        command.Parameters.AddWithValue("$ref", Iso(reference));
        using var reader = command.ExecuteReader();
        var ordinals = list.Columns.Select(c => TryOrdinal(reader, c.Field)).ToArray();
        while (reader.Read())
        {
            var cells = new object?[list.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var column = list.Columns[i];
                var raw = ordinals[i] is { } o && !reader.IsDBNull(o) ? Convert.ToString(reader.GetValue(o), CultureInfo.InvariantCulture) : null;
                cells[i] = column.Field == AnnexALists.Age ? Age(reader, ordinals, list, reference) : Cell(column, raw);
            }
            yield return (cells, null);
        }
    }

    /// <summary>A value as the template shows it; a value the source got wrong is written as it was (the import gives it
    /// back as found, for the ETL to quarantine as it would in the SSD source).</summary>
    private static object? Cell(AnnexAColumn column, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim();
        return column.Kind switch
        {
            AnnexACellKind.Date => DateOnly.TryParseExact(ReturnValues.Date(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : value,
            AnnexACellKind.Code => AnnexACodes.Write(column.CodeList!, value),
            AnnexACellKind.Flag => ReturnValues.Flag(value) switch { "Y" => "a) Yes", "N" => "b) No", var other => other },
            AnnexACellKind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : value,
            _ => value,
        };
    }

    private static double? Age(SqliteDataReader reader, int?[] ordinals, AnnexAList list, DateOnly reference)
    {
        var dob = ordinals[list.Columns.ToList().FindIndex(c => c.Field == AnnexALists.Dob)];
        if (dob is not { } o || reader.IsDBNull(o)) return null;
        if (!DateOnly.TryParseExact(ReturnValues.Date(reader.GetString(o)), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)) return null;
        var age = reference.Year - born.Year - (reference < born.AddYears(reference.Year - born.Year) ? 1 : 0);
        return age >= 0 ? age : null; // written as a number
    }

    private static int? TryOrdinal(SqliteDataReader reader, string name)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetName(i) == name) return i;
        }
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

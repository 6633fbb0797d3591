using System.Text;

namespace Dashboard.Core.Codes;

/// <summary>One code of a list: valid from <see cref="FirstYear"/> to <see cref="LastYear"/> (null: no bound known).</summary>
public sealed record CodeEntry(string Code, string Label, CollectionYear? FirstYear, CollectionYear? LastYear)
{
    /// <summary>True when the code may be used in <paramref name="year"/>.</summary>
    public bool ValidIn(CollectionYear year) => (FirstYear is null || year >= FirstYear.Value) && (LastYear is null || year <= LastYear.Value);

    /// <summary>"2015-16 onwards", "up to 2023-24", "2016-17 to 2019-20" or "every year".</summary>
    public string Years => (FirstYear, LastYear) switch
    {
        (null, null) => "every year",
        ({ } f, null) => $"{f} onwards",
        (null, { } l) => $"up to {l}",
        ({ } f, { } l) => $"{f} to {l}",
    };
}

/// <summary>What a list is and where it comes from (lists.csv).</summary>
public sealed record CodeListInfo(string Name, string Title, string Source, string Notes);

/// <summary>
/// Reads the embedded code list files (src/Dashboard.Core/Codes/lists): lists.csv names each list, its title
/// and the DfE source it follows; one CSV per list holds code,label,first_year,last_year. A bad file fails
/// loudly with the file and line, because a wrong list would quarantine good rows or pass bad ones.
/// </summary>
internal static class CodeListFiles
{
    private const string Prefix = "Dashboard.Core.Codes.lists.";

    public static IReadOnlyList<CodeListInfo> ReadIndex()
    {
        var rows = Read("lists.csv", ["list", "title", "source", "notes"]);
        return [.. rows.Select(r => new CodeListInfo(r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3]))];
    }

    public static IReadOnlyList<CodeEntry> ReadList(string name)
    {
        var entries = new List<CodeEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cells) in Read($"{name}.csv", ["code", "label", "first_year", "last_year"]))
        {
            var code = cells[0].Trim();
            if (code.Length == 0 || cells[1].Trim().Length == 0) throw Bad($"{name}.csv", line, "a code and a label are required");
            if (!seen.Add(code)) throw Bad($"{name}.csv", line, $"code {code} is listed twice");
            CollectionYear? first, last;
            try
            {
                first = cells[2].Trim().Length == 0 ? null : CollectionYear.Parse(cells[2]);
                last = cells[3].Trim().Length == 0 ? null : CollectionYear.Parse(cells[3]);
            }
            catch (FormatException e)
            {
                throw Bad($"{name}.csv", line, e.Message);
            }
            if (first is { } f && last is { } l && l < f) throw Bad($"{name}.csv", line, $"last year {l} is before first year {f}");
            entries.Add(new CodeEntry(code, cells[1].Trim(), first, last));
        }
        return entries;
    }

    private static List<(int Line, string[] Cells)> Read(string file, string[] header)
    {
        using var stream = typeof(CodeListFiles).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The code list file {file} is not embedded in Dashboard.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<(int, string[])>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0) continue;
            var cells = Split(text, file, number);
            if (number == 1)
            {
                if (!cells.SequenceEqual(header)) throw Bad(file, 1, $"the header must be {string.Join(',', header)}");
                continue;
            }
            if (cells.Length != header.Length) throw Bad(file, number, $"expected {header.Length} fields, found {cells.Length}");
            rows.Add((number, cells));
        }
        return rows;
    }

    /// <summary>Splits one CSV line: fields separated by commas, a field in double quotes may hold commas and "" for a quote.</summary>
    internal static string[] Split(string line, string file, int number)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        if (quoted) throw Bad(file, number, "a quoted field is not closed");
        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static InvalidOperationException Bad(string file, int line, string problem) =>
        new($"Code list file {file}, line {line}: {problem}.");
}

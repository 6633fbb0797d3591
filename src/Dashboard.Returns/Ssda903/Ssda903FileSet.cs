namespace Dashboard.Returns.Ssda903;

/// <summary>One SSDA903 file to read: what it is and the collection year it belongs to (null when neither its name
/// nor its folder's says; it is then read as the latest).</summary>
internal sealed record Ssda903File(string Path, Ssda903FileKind Kind, int? Year)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>"2024-25/episodes.csv": the name with the year folder, for messages and provenance.</summary>
    public string Label => Year is { } year && CollectionYears.Strip(Name) == Name ? $"{CollectionYears.Label(year)}/{Name}" : Name;
}

/// <summary>
/// The files of the paths given: a file is taken as named; a folder gives every .csv file in it and its sub-folders
/// (per-year folders) that is an SSDA903 file by name or header row; others in a folder are left alone. Ordered by
/// collection year, then header before episodes before the rest, so later years win and persons exist first.
/// </summary>
internal static class Ssda903FileSet
{
    public static IReadOnlyList<Ssda903File> Resolve(IReadOnlyList<string> paths)
    {
        var files = new List<Ssda903File>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) continue;
                    if (Identify(file, explicitlyGiven: false) is { } found) files.Add(found);
                }
            }
            else if (File.Exists(path))
            {
                files.Add(Identify(path, explicitlyGiven: true)!);
            }
            else
            {
                throw new ReturnFileException($"The SSDA903 file or folder {path} does not exist.");
            }
        }
        return [.. files.OrderBy(f => f.Year ?? int.MaxValue).ThenBy(f => f.Kind)];
    }

    private static Ssda903File? Identify(string path, bool explicitlyGiven)
    {
        var kind = Ssda903Files.ByName(path) ?? ByHeaderRow(path);
        if (kind is null)
        {
            return explicitlyGiven
                ? throw new ReturnFileException($"{Path.GetFileName(path)} is not an SSDA903 file: neither its name nor its header row (line 1) names one of header, episodes, reviews, uasc, oc2, oc3, ad1, placed_for_adoption, previous_permanence, missing or sw_episodes.")
                : null;
        }
        return new Ssda903File(path, kind.Value, CollectionYears.Of(path));
    }

    private static Ssda903FileKind? ByHeaderRow(string path)
    {
        try
        {
            using var reader = new CsvReader(path);
            return reader.Read() is { } header ? Ssda903Files.ByColumns([.. header.Select(h => h.Trim())]) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ReturnFileException($"{Path.GetFileName(path)} cannot be read: {e.Message}.", e);
        }
    }
}

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Data.Migrations;

/// <summary>One numbered migration script: its file name, text and checksum.</summary>
internal sealed partial record MigrationScript(string Name, string Sql)
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text with CRLF turned into LF, so a Windows checkout
    /// (core.autocrlf) hashes the same as a Linux one.</summary>
    public string Checksum { get; } = ChecksumOf(Sql);

    public static string ChecksumOf(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>The batches to execute. SQL Server scripts are split on lines holding only GO (as sqlcmd and SSMS
    /// do); the current scripts need none, but a later CREATE VIEW must start its own batch. SQLite runs a whole
    /// script as one command.</summary>
    public IReadOnlyList<string> Batches(DatabaseProvider provider) => provider == DatabaseProvider.SqlServer
        ? [.. GoLine().Split(Sql).Where(b => !string.IsNullOrWhiteSpace(b))]
        : [Sql];

    /// <summary>The scripts embedded from sql/&lt;dialect&gt;/ for a provider, in name order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded(DatabaseProvider provider)
    {
        var folder = FolderOf(provider);
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // LogicalName is sql/%(RecursiveDir)%(Filename)%(Extension); RecursiveDir has '\' on Windows.
            var path = resource.Replace('\\', '/');
            if (!path.StartsWith(folder, StringComparison.Ordinal)) continue;
            var name = path[folder.Length..];
            if (name.Contains('/', StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)) continue;
            scripts.Add(new MigrationScript(name, Read(assembly, resource)));
        }
        if (scripts.Count == 0)
        {
            throw new MigrationException($"No migration scripts are embedded under {folder}: the build did not include sql/.");
        }
        return [.. scripts.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The resource folder of a provider's scripts: sql/sqlite/ or sql/sqlserver/.</summary>
    public static string FolderOf(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sql/sqlite/",
        DatabaseProvider.SqlServer => "sql/sqlserver/",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new MigrationException($"Migration {resource} is listed but cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^[ \t]*GO[ \t]*(?:--[^\r\n]*)?\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}

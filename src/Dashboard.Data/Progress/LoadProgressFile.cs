using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Data.Progress;

/// <summary>
/// The board of a SQLite warehouse: a small JSON file beside the warehouse file. SQLite has one write lock per
/// database and the load's swap transaction holds it for many seconds, so the load cannot write its progress into the
/// warehouse while it matters most; a file needs no lock. It is written to a temporary file and moved over the old
/// one, so a reader sees the previous board or the new one, never half of one.
/// </summary>
public sealed class LoadProgressFile(string path) : ILoadProgressBoard
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public string Path { get; } = path;

    /// <summary>warehouse.db → warehouse.db.load-progress.json, in the warehouse's own folder (same permissions).</summary>
    public static string PathBeside(string warehouseFile) => warehouseFile + ".load-progress.json";

    public async Task WriteAsync(LoadProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        // A name of its own per write, so two writers (never expected: the ETL lock) cannot interleave one temp file.
        var temp = $"{Path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(progress, Json), cancellationToken);
            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async Task<LoadProgress?> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(Path, cancellationToken);
            return JsonSerializer.Deserialize<LoadProgress>(bytes, Json);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}

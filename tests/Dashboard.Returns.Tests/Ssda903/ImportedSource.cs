using Dashboard.Returns.Ssda903;
using Dashboard.Returns.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Returns.Tests.Ssda903;

/// <summary>Imports SSDA903 paths into a fresh output and reads rows back as "a|b|c" lines.</summary>
internal sealed class ImportedSource : IDisposable
{
    private readonly Scratch _scratch = new("ssda903");

    public ImportedSource(params string[] paths)
    {
        Path = _scratch.File("source.db");
        using var writer = SsdSourceWriter.Create(Path);
        writer.Begin(StatutoryReturn.Ssda903);
        Summary = new Ssda903Importer().Import(paths, writer, new Support.SynchronousProgress<ImportProgress>(Reports.Add), CancellationToken.None);
        writer.Commit();
    }

    public string Path { get; }

    public ReturnImportSummary Summary { get; }

    public List<ImportProgress> Reports { get; } = [];

    public string[] Rows(string sql) => SqliteRows.Of(Path, sql);

    public void Dispose() => _scratch.Dispose();
}

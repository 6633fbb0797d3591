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

    public string[] Rows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        return [.. rows];
    }

    public void Dispose() => _scratch.Dispose();
}

namespace Dashboard.Data.Progress;

/// <summary>
/// What a running load last wrote on its progress board: which load, where it is, and which process writes it (so a
/// reader on the same machine can tell a load whose process is gone from one that is still working).
/// </summary>
/// <param name="LoadId">The run's etl_load_run row; null until the writer has found it (the Prepare stage).</param>
/// <param name="Stage">The stage's name as the load reports it (Prepare, Extract, Validate, Conform, Stage, Swap, Indicators, Audit).</param>
/// <param name="Table">The table the stage works on, when there is one.</param>
/// <param name="Fraction">How much of the whole run is done, 0..1, never backwards.</param>
/// <param name="UpdatedAt">When the writer last wrote the board (a heartbeat rewrites it during a long stage).</param>
public sealed record LoadProgress(
    long? LoadId, DateTimeOffset StartedAt, string Stage, string? Table, double Fraction, DateTimeOffset UpdatedAt,
    string Host, int ProcessId, DateTimeOffset ProcessStartedAt)
{
    /// <summary>Null while the load runs; <see cref="LoadOutcomes.Succeeded"/> or <see cref="LoadOutcomes.Failed"/> once it has ended.</summary>
    public string? Outcome { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool HasEnded => Outcome is not null;
}

/// <summary>How a load ended, as the board and etl_load_run.status spell it.</summary>
public static class LoadOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>Where a running load's progress is kept: one board per warehouse, written by the load, read by the dashboard.</summary>
public interface ILoadProgressBoard
{
    /// <summary>Replaces the board's content. Throws the store's own exception (IO or database) when it cannot.</summary>
    Task WriteAsync(LoadProgress progress, CancellationToken cancellationToken = default);

    /// <summary>The board as last written, or null when no load has written one.</summary>
    Task<LoadProgress?> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>The board for a warehouse, per provider (docs/warehouse.md, "Progress of a running load").</summary>
public static class LoadProgressBoards
{
    /// <summary>A JSON file beside a SQLite warehouse file; the etl_load_progress table on SQL Server; null for an
    /// in-memory SQLite warehouse, which no other process can watch.</summary>
    public static ILoadProgressBoard? For(IConnectionFactory warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return warehouse.Target.Provider switch
        {
            DatabaseProvider.SqlServer => new LoadProgressTable(warehouse),
            _ => warehouse.Target.SqliteFile is { } file ? new LoadProgressFile(LoadProgressFile.PathBeside(file)) : null,
        };
    }
}

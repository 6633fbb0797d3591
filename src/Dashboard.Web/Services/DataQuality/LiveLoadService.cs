using Dashboard.Data.Audit;
using Dashboard.Data.Locking;
using Dashboard.Data.Progress;
using Dashboard.Web.Security;

namespace Dashboard.Web.Services.DataQuality;

/// <summary>
/// A running load as the data quality page shows it live: the load's progress board, judged against the clock and this
/// machine's processes (a load whose process is gone is "stopped reporting", never running for ever). One cheap read
/// per call: a small file beside a SQLite warehouse, or one row of etl_load_progress on SQL Server. Whoever sees the data
/// quality page sees this.
/// </summary>
public sealed class LiveLoadService(ILoadProgressBoard? board, IProcessProbe processes, TimeProvider time, LoadProgressSettings settings,
    LoadAuditQueries loads)
{
    public LoadProgressSettings Settings => settings;

    public TimeProvider Time => time;

    /// <summary>The board as it stands now, or null when no load has written one (or the warehouse has no board).</summary>
    public async Task<LoadProgressReading?> CurrentAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Require(viewer);
        if (board is null) return null;
        var progress = await board.ReadAsync(cancellationToken);
        return progress is null ? null : LoadProgressReading.Judge(progress, time.GetUtcNow(), settings.StaleAfter, processes);
    }

    /// <summary>The load whose figures the warehouse holds (the last that succeeded): what stays after a load fails.</summary>
    public async Task<long?> HeldLoadAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        Require(viewer);
        return (await loads.LastSucceededAsync(cancellationToken))?.LoadId;
    }

    private static void Require(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesDataQuality) throw new AccessDeniedException($"Your role ({viewer.Role.Describe()}) cannot see data quality.");
    }
}

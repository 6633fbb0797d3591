using Dashboard.Data.Locking;

namespace Dashboard.Data.Progress;

/// <summary>What a board says once checked against the clock and the machine's processes.</summary>
public enum LoadProgressState
{
    /// <summary>A load is running and reported recently.</summary>
    Running,
    /// <summary>The board says running, but its process on this machine is gone or it has not been updated for too long.</summary>
    StoppedReporting,
    /// <summary>The load has ended and says how (<see cref="LoadProgress.Outcome"/>).</summary>
    Ended,
}

/// <summary>Why a load is shown as stopped reporting.</summary>
public enum StopReason
{
    None,
    ProcessGone,
    NoRecentUpdate,
}

/// <summary>A board as the dashboard should show it.</summary>
public sealed record LoadProgressReading(LoadProgress Board, LoadProgressState State, StopReason Reason = StopReason.None)
{
    /// <summary>
    /// Running, ended, or stopped reporting: a board that says running whose writer is gone (its pid is not running on
    /// this machine, or is a reused pid) or that has not been written for <paramref name="staleAfter"/> (the writer's
    /// heartbeat rewrites it every <see cref="LoadProgressWriter.Heartbeat"/> while the process lives), so a killed load
    /// is never shown as running for ever. A process on another machine can only be judged by the clock.
    /// </summary>
    public static LoadProgressReading Judge(LoadProgress board, DateTimeOffset now, TimeSpan staleAfter, IProcessProbe processes)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(processes);
        if (board.HasEnded) return new LoadProgressReading(board, LoadProgressState.Ended);
        if (string.Equals(board.Host, processes.Host, StringComparison.OrdinalIgnoreCase)
            && !processes.IsRunning(board.ProcessId, board.ProcessStartedAt))
        {
            return new LoadProgressReading(board, LoadProgressState.StoppedReporting, StopReason.ProcessGone);
        }
        return now - board.UpdatedAt > staleAfter
            ? new LoadProgressReading(board, LoadProgressState.StoppedReporting, StopReason.NoRecentUpdate)
            : new LoadProgressReading(board, LoadProgressState.Running);
    }
}

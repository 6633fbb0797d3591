namespace Dashboard.Data.Migrations;

/// <summary>
/// Applies the numbered scripts embedded from sql/&lt;dialect&gt;/ in order, recording each with a SHA-256
/// checksum in etl_schema_migration, and refuses to run if a recorded script has changed since.
/// </summary>
public sealed class MigrationRunner(IConnectionFactory connections)
{
    /// <summary>Applies what has not run yet; returns the names of the scripts applied now.</summary>
    /// <exception cref="MigrationException">A recorded script changed, or a script failed (named).</exception>
    public Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}

/// <summary>A migration problem, in one sentence that names the script.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);

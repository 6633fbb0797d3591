using System.Data.Common;
using Dapper;
using Dashboard.Data.Internal;

namespace Dashboard.Data.Migrations;

/// <summary>
/// Applies the numbered scripts embedded from sql/&lt;dialect&gt;/ in order, recording each with a SHA-256
/// checksum in etl_schema_migration, and refuses to run if a recorded script has changed since.
/// Each script runs in its own transaction together with its record row, so a script is either wholly
/// applied and recorded or not at all. etl_schema_migration belongs to the runner (it creates it), not to
/// the numbered scripts.
/// </summary>
public sealed class MigrationRunner
{
    /// <summary>The runner's own table: script_name, checksum, applied_at.</summary>
    public const string HistoryTable = "etl_schema_migration";

    private const string CreateHistorySqlite = """
        CREATE TABLE IF NOT EXISTS etl_schema_migration (
            script_name TEXT NOT NULL PRIMARY KEY,
            checksum    TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    private const string CreateHistorySqlServer = """
        IF OBJECT_ID(N'etl_schema_migration', N'U') IS NULL
        CREATE TABLE etl_schema_migration (
            script_name NVARCHAR(260)     NOT NULL PRIMARY KEY,
            checksum    NCHAR(64)         NOT NULL,
            applied_at  DATETIMEOFFSET(3) NOT NULL
        );
        """;

    private const string SelectRecorded = "SELECT script_name AS Name, checksum AS Checksum FROM etl_schema_migration";

    private const string SelectOneRecorded = "SELECT checksum FROM etl_schema_migration WHERE script_name = @Name";

    private const string InsertRecord =
        "INSERT INTO etl_schema_migration (script_name, checksum, applied_at) VALUES (@Name, @Checksum, @AppliedAt)";

    private readonly IConnectionFactory _connections;
    private readonly IReadOnlyList<MigrationScript>? _scripts;
    private readonly TimeProvider _time;

    /// <summary>A runner over the scripts embedded for the factory's provider.</summary>
    public MigrationRunner(IConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
        _time = TimeProvider.System;
    }

    /// <summary>A runner over the given scripts instead of the embedded ones (tests: prove the refusals).</summary>
    internal MigrationRunner(IConnectionFactory connections, IReadOnlyList<(string Name, string Sql)> scripts, TimeProvider? time = null)
        : this(connections)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        _scripts = [.. scripts.Select(s => new MigrationScript(s.Name, s.Sql)).OrderBy(s => s.Name, StringComparer.Ordinal)];
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Applies what has not run yet; returns the names of the scripts applied now.</summary>
    /// <exception cref="MigrationException">A recorded script changed or is missing, or a script failed (named).</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var provider = _connections.Dialect.Provider;
        var scripts = _scripts ?? MigrationScript.Embedded(provider);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            provider == DatabaseProvider.SqlServer ? CreateHistorySqlServer : CreateHistorySqlite, cancellationToken: cancellationToken));

        var recorded = (await connection.QueryAsync<Recorded>(new CommandDefinition(SelectRecorded, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Name, r => r.Checksum.Trim(), StringComparer.Ordinal);
        Verify(recorded, scripts);

        var applied = new List<string>();
        foreach (var script in scripts)
        {
            if (recorded.ContainsKey(script.Name)) continue;
            if (await ApplyOneAsync(connection, provider, script, cancellationToken)) applied.Add(script.Name);
        }
        return applied;
    }

    /// <summary>Refuses a warehouse whose history does not match this build's scripts.</summary>
    private static void Verify(Dictionary<string, string> recorded, IReadOnlyList<MigrationScript> scripts)
    {
        var known = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var (name, checksum) in recorded.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!known.TryGetValue(name, out var script))
            {
                throw new MigrationException(
                    $"Migration {name} is recorded as applied to this warehouse but is not among this build's scripts, " +
                    "so the warehouse was migrated by another version and is left alone.");
            }
            if (!string.Equals(checksum, script.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationException(
                    $"Migration {name} has changed since it was applied to this warehouse (checksum {checksum[..Math.Min(12, checksum.Length)]}… " +
                    $"recorded, {script.Checksum[..12]}… now): scripts are never edited once landed, so add a new numbered script instead.");
            }
        }
    }

    /// <summary>Runs one script and records it in one transaction. False when another runner got there first.</summary>
    private async Task<bool> ApplyOneAsync(DbConnection connection, DatabaseProvider provider, MigrationScript script,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var already = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectOneRecorded, new { script.Name }, transaction, cancellationToken: cancellationToken));
        if (already is not null)
        {
            Verify(new Dictionary<string, string>(StringComparer.Ordinal) { [script.Name] = already.Trim() }, [script]);
            return false;
        }
        try
        {
            foreach (var batch in script.Batches(provider))
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            }
            await connection.ExecuteAsync(new CommandDefinition(InsertRecord,
                new { script.Name, script.Checksum, AppliedAt = IsoText.Timestamp(_time.GetUtcNow()) }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex)
        {
            throw new MigrationException($"Migration {script.Name} failed and was rolled back: {ex.Message}", ex);
        }
    }

    private sealed record Recorded(string Name, string Checksum);
}

/// <summary>A migration problem, in one sentence that names the script.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);

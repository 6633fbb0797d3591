using System.Data.Common;

namespace Dashboard.Data;

/// <summary>Opens connections to one database. Stateless: callers open a connection per unit of work.</summary>
public interface IConnectionFactory
{
    DatabaseTarget Target { get; }

    ISqlDialect Dialect { get; }

    /// <summary>An open connection. For SQLite: WAL journal, foreign keys off, a busy timeout, so
    /// readers keep reading the last committed data while a load runs.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}

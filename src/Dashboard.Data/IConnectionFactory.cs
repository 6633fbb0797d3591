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

    /// <summary>The bulk writer for this factory's connections (SQL Server's needs a SqlConnection). Asked of the factory
    /// rather than of the provider so a test's recording factory can record bulk copies too.</summary>
    IBulkWriter BulkWriter => Warehouse.BulkWriter(Target.Provider);
}

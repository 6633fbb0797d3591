namespace Dashboard.Data;

/// <summary>The warehouse cannot be opened: the server is unreachable or refused the login, or the SQLite file
/// (or its folder) cannot be created or opened. The message is one sentence naming the target as
/// <see cref="DatabaseTarget.Describe"/> gives it (never credentials); the cause is the inner exception.</summary>
public sealed class WarehouseUnavailableException : Exception
{
    public WarehouseUnavailableException()
    {
    }

    public WarehouseUnavailableException(string message)
        : base(message)
    {
    }

    public WarehouseUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The target this exception is about, when known.</summary>
    public DatabaseTarget? Target { get; private init; }

    internal static WarehouseUnavailableException For(DatabaseTarget target, string reason, Exception inner) =>
        new($"The {(target.Provider == DatabaseProvider.Sqlite ? "SQLite" : "SQL Server")} warehouse {target.Describe()} {reason}.", inner)
        {
            Target = target,
        };
}

namespace Dashboard.Data;

/// <summary>Which database engine a connection string is for.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>A database to read from or write to: the engine and its connection string.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The target described for logs, audit rows and messages: server and database or file,
    /// never a password or user name.</summary>
    public string Describe() => throw new NotImplementedException();
}

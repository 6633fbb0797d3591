using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Internal;

internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqlServerPrimaryKeyViolation = 2627;
    private const int SqlServerUniqueIndexViolation = 2601;

    /// <summary>True when the error is a primary key or unique index violation, on either engine.</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sql => sql.Number is SqlServerPrimaryKeyViolation or SqlServerUniqueIndexViolation,
        _ => false,
    };
}

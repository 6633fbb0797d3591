using Dapper;

namespace Dashboard.Data.Tests.Support;

/// <summary>One-line queries for assertions.</summary>
internal static class Db
{
    public static async Task<T> ScalarAsync<T>(this IConnectionFactory connections, string sql, object? parameters = null)
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task<List<T>> QueryListAsync<T>(this IConnectionFactory connections, string sql, object? parameters = null)
    {
        await using var connection = await connections.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static async Task ExecAsync(this IConnectionFactory connections, string sql, object? parameters = null)
    {
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}

namespace Dashboard.Web.Services.Indicators;

/// <summary>Builds a link with query parameters, leaving out empty ones, so every filtered view has a clean URL.</summary>
public static class QueryLinks
{
    public static string With(string path, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var query = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : path + "?" + query;
    }
}

using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Assets;

/// <summary>
/// Serves the stylesheet (embedded in this assembly), so the dashboard needs no wwwroot beside whichever executable
/// hosts it and never a CDN. Charts need no script: the server draws them as inline SVG.
/// Each file has a strong ETag and may be cached; pages link to it with ?v=hash so a new build is fetched at once.
/// </summary>
public sealed class EmbeddedAssets
{
    private const string Prefix = "assets/";

    private readonly FrozenDictionary<string, Asset> _assets;

    public EmbeddedAssets()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            Add(assets, name, buffer.ToArray());
        }
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _assets.Keys;

    private static void Add(Dictionary<string, Asset> assets, string name, byte[] bytes)
    {
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        assets[name] = new Asset(bytes, ContentType(name), hash);
    }

    /// <summary>"/assets/app.css?v=1a2b..." for a page to link to.</summary>
    public string Url(string name) => _assets.TryGetValue(name, out var a)
        ? $"/assets/{name}?v={a.Hash}"
        : throw new ArgumentException($"No embedded asset is named {name}.", nameof(name));

    public IResult Serve(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out var asset)) return Results.NotFound();
        var etag = new EntityTagHeaderValue($"\"{asset.Hash}\"");
        context.Response.Headers.CacheControl = "public, max-age=86400";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag.Tag.ToString())
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string Hash);
}

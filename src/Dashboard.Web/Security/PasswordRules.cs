using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>
/// How local passwords are kept and checked: ASP.NET Core Identity's hasher (PBKDF2, salted, versioned so a
/// stronger setting can rehash on the next sign-in) and a length rule NCSC guidance favours over composition rules.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>A hash of a password nobody has, checked when a user name is unknown so a wrong name takes as long as a wrong password.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword("", Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Hasher.HashPassword("", password);
    }

    public static PasswordVerificationResult Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword("", hash ?? DecoyHash, password);

    /// <summary>Null when acceptable, else the sentence to show.</summary>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"A password must be at least {MinimumLength} characters long." : null;

    /// <summary>A password to print once (demo accounts, resets): 16 characters from an alphabet without look-alikes.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}

using System.Security.Cryptography;
using System.Text;

namespace DentalClaimsHub.Storage.Access;

/// <summary>Creates and hashes API key secrets of the form <c>dch_{prefix}_{secret}</c>.</summary>
public static class ApiKeySecret
{
    private const string Scheme = "dch";

    /// <summary>A new random key; the plain text is shown to its owner once and never stored.</summary>
    public static (string PlainText, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var plain = $"{Scheme}_{prefix}_{secret}";
        return (plain, prefix, Hash(plain));
    }

    public static byte[] Hash(string plainText) => SHA256.HashData(Encoding.UTF8.GetBytes(plainText));

    /// <summary>The prefix of a well-formed key, or null when the text cannot be one of ours.</summary>
    public static string? PrefixOf(string plainText)
    {
        var parts = plainText.Split('_', 3);
        return parts.Length == 3 && parts[0] == Scheme && parts[1].Length == 8 && parts[2].Length >= 32 ? parts[1] : null;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', 'z');
}

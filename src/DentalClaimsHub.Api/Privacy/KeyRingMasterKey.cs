using System.Security.Cryptography;
using System.Text;

namespace DentalClaimsHub.Api.Privacy;

/// <summary>
/// The secret that encrypts the Data Protection key ring at rest: 32 random bytes, base64, from <c>Hub:KeyRing:MasterKey</c>
/// or the <c>DCH_KEYRING_MASTER_KEY</c> environment variable. AES-256-GCM rather than an X509 certificate: one secret fits
/// every secret store (an environment variable, a Kubernetes secret), needs no certificate lifecycle, and GCM authenticates,
/// so a wrong key fails loudly instead of yielding garbage.
/// </summary>
public sealed class KeyRingMasterKey
{
    public const string Setting = "Hub:KeyRing:MasterKey";
    public const string EnvironmentVariable = "DCH_KEYRING_MASTER_KEY";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    private KeyRingMasterKey(byte[] key)
    {
        _key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>A fingerprint of the key (not the key): written beside each encrypted key to name the master key it needs.</summary>
    public string Id { get; }

    /// <summary>The configured key, null when none is; throws when one is configured but is not base64 of 32 bytes.</summary>
    public static KeyRingMasterKey? FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[Setting] is { Length: > 0 } setting ? setting : configuration[EnvironmentVariable];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = new byte[32];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var written) || written != key.Length)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} ({Setting}) must be 32 random bytes in base64 (openssl rand -base64 32).");
        }

        return new KeyRingMasterKey(key);
    }

    /// <summary>nonce | tag | ciphertext, with the key's id as associated data.</summary>
    public byte[] Encrypt(string plainText)
    {
        var plain = Encoding.UTF8.GetBytes(plainText);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            Encoding.ASCII.GetBytes(Id));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    public string Decrypt(byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            plain, Encoding.ASCII.GetBytes(Id));
        try
        {
            return Encoding.UTF8.GetString(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

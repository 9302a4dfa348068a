using System.Collections.Concurrent;
using DentalClaimsHub.Storage.Access;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Auth;

/// <summary>How long a looked-up API key is trusted without asking the database again (<c>Hub:Auth</c>).</summary>
public sealed class ApiKeyCacheOptions
{
    /// <summary>
    /// A revoked key keeps working for at most this long on an instance that used it just before; zero turns the
    /// cache off. Every request otherwise costs a database round trip before any work starts.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The parts of an active API key that authentication needs, keyed by the key's SHA-256 (never the secret).</summary>
public sealed record ApiKeyGrant(Guid KeyId, ApiKeyOwnerKind OwnerKind, Guid? PracticeId, string? PayerId, IReadOnlyList<string> Scopes)
{
    public static ApiKeyGrant Of(ApiKey key) => new(key.Id, key.OwnerKind, key.PracticeId, key.PayerId, [.. key.Scopes]);
}

/// <summary>
/// Remembers active keys for <see cref="ApiKeyCacheOptions.KeyCacheTtl"/>. Unknown and revoked keys are never cached,
/// so a stream of made-up tokens cannot grow it; past <see cref="MaxEntries"/> keys it starts over.
/// </summary>
public sealed class ApiKeyCache(IOptions<ApiKeyCacheOptions> options, TimeProvider time)
{
    public const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKeyGrant Grant, DateTimeOffset Until)> _grants = new(StringComparer.Ordinal);

    public bool TryGet(byte[] secretHash, out ApiKeyGrant grant)
    {
        if (_grants.TryGetValue(Convert.ToHexString(secretHash), out var entry) && entry.Until > time.GetUtcNow())
        {
            grant = entry.Grant;
            return true;
        }

        grant = null!;
        return false;
    }

    public void Remember(byte[] secretHash, ApiKeyGrant grant)
    {
        var ttl = options.Value.KeyCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        if (_grants.Count >= MaxEntries)
        {
            _grants.Clear();
        }

        _grants[Convert.ToHexString(secretHash)] = (grant, time.GetUtcNow() + ttl);
    }

    /// <summary>Forgets every key at once (after a revocation made through this instance, say).</summary>
    public void Clear() => _grants.Clear();
}

using System.Collections.Concurrent;
using System.Security.Claims;
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
    /// <summary>
    /// The key as a principal: its id, owner kind, practice, payer and scopes as claims. Made once per grant and shared by
    /// every request the cached grant authenticates (nothing in the hub changes a principal once it is authenticated); a
    /// dozen claims made per request stayed alive through each request's payer call, and the collector copied them.
    /// </summary>
    public ClaimsPrincipal Principal { get; } = PrincipalOf(KeyId, OwnerKind, PracticeId, PayerId, Scopes);

    public static ApiKeyGrant Of(ApiKey key) => new(key.Id, key.OwnerKind, key.PracticeId, key.PayerId, [.. key.Scopes]);

    private static ClaimsPrincipal PrincipalOf(Guid keyId, ApiKeyOwnerKind ownerKind, Guid? practiceId, string? payerId,
        IReadOnlyList<string> scopes)
    {
        var claims = new List<Claim>(4 + scopes.Count)
        {
            new(HubClaims.KeyId, keyId.ToString()),
            new(HubClaims.OwnerKind, ownerKind.ToString()),
        };
        if (practiceId is { } practice)
        {
            claims.Add(new Claim(HubClaims.PracticeId, practice.ToString()));
        }

        if (payerId is not null)
        {
            claims.Add(new Claim(HubClaims.PayerId, payerId));
        }

        foreach (var scope in scopes)
        {
            claims.Add(new Claim(HubClaims.Scope, scope));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthenticationHandler.SchemeName, HubClaims.KeyId, null));
    }
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

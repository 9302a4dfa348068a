namespace DentalClaimsHub.Storage.Access;

/// <summary>Who an API key speaks for: a practice (PMS) or an insurer (inbound pushes).</summary>
public enum ApiKeyOwnerKind
{
    Practice,
    Insurer,
}

/// <summary>
/// An API key as stored: only a SHA-256 hash of the secret is kept. Keys are 256-bit random values, so a fast
/// hash is enough (no password stretching needed); the prefix lets support staff tell keys apart.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public byte[] SecretHash { get; private set; } = [];

    public ApiKeyOwnerKind OwnerKind { get; private set; }

    public Guid? PracticeId { get; private set; }

    public string? PayerId { get; private set; }

    public List<string> Scopes { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public static ApiKey ForPractice(Guid practiceId, string name, IEnumerable<string> scopes, byte[] secretHash, string prefix,
        DateTimeOffset now) =>
        Create(ApiKeyOwnerKind.Practice, practiceId, null, name, scopes, secretHash, prefix, now);

    public static ApiKey ForInsurer(string payerId, string name, IEnumerable<string> scopes, byte[] secretHash, string prefix,
        DateTimeOffset now) =>
        Create(ApiKeyOwnerKind.Insurer, null, payerId, name, scopes, secretHash, prefix, now);

    private static ApiKey Create(ApiKeyOwnerKind owner, Guid? practiceId, string? payerId, string name, IEnumerable<string> scopes,
        byte[] secretHash, string prefix, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            OwnerKind = owner,
            PracticeId = practiceId,
            PayerId = payerId,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            SecretHash = secretHash,
            Prefix = prefix,
            CreatedAt = now,
        };

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}

using System.Security.Cryptography;

namespace DentalClaimsHub.Storage.Webhooks;

/// <summary>
/// A practice's HTTPS endpoint and the event types it wants (<c>claim.paid</c>, <c>claim.*</c>, <c>*</c>). Every matching
/// event becomes a <see cref="WebhookDelivery"/> in the transaction that raised it, signed with <see cref="Secret"/>.
/// </summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription()
    {
        Url = string.Empty;
        Secret = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string Url { get; private set; }

    public List<string> Events { get; private set; } = [];

    public string? Description { get; private set; }

    /// <summary>The HMAC-SHA256 key: shown to the practice once, kept to sign every delivery.</summary>
    public string Secret { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public static WebhookSubscription Create(Guid practiceId, Uri url, IEnumerable<string> events, string? description, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PracticeId = practiceId,
        Url = url.AbsoluteUri,
        Events = [.. events.Distinct(StringComparer.Ordinal)],
        Description = description,
        Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        Active = true,
        CreatedAt = now,
    };

    /// <summary>Stops new deliveries; those already made keep their history.</summary>
    public void Disable(DateTimeOffset now)
    {
        Active = false;
        DisabledAt ??= now;
    }

    /// <summary>True when <paramref name="eventType"/> is one of the subscribed types or patterns.</summary>
    public bool Wants(string eventType) => Events.Any(e => Matches(e, eventType));

    public static bool Matches(string pattern, string eventType) =>
        pattern == "*" || pattern == eventType
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && eventType.StartsWith(pattern[..^1], StringComparison.Ordinal));
}

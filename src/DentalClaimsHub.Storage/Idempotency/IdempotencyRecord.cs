namespace DentalClaimsHub.Storage.Idempotency;

/// <summary>
/// The remembered outcome of a POST made with an <c>Idempotency-Key</c>: a repeat with the same key and the same body
/// gets this response again; the same key with another body is a conflict. Written in the transaction that creates
/// the resource, so a response is remembered if and only if its effect happened.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Longest key accepted (the IETF draft leaves it open; UUIDs and PMS ids fit easily).</summary>
    public const int MaxKeyLength = 255;

    private IdempotencyRecord()
    {
    }

    public long Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>What the key was used for, e.g. <c>POST /v1/claims</c>: one key may be reused for another operation.</summary>
    public string Operation { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the request's canonical JSON.</summary>
    public string RequestHash { get; private set; } = "";

    public int StatusCode { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The response body as it was sent (JSON).</summary>
    public string ResponseBody { get; private set; } = "";

    /// <summary>The resource the request created.</summary>
    public Guid? ResourceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>After this the key may be purged and reused.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Create(Guid practiceId, string operation, string key, string requestHash, int statusCode,
        string? location, string responseBody, Guid? resourceId, DateTimeOffset now, TimeSpan retention) =>
        new()
        {
            PracticeId = practiceId,
            Operation = operation,
            Key = key,
            RequestHash = requestHash,
            StatusCode = statusCode,
            Location = location,
            ResponseBody = responseBody,
            ResourceId = resourceId,
            CreatedAt = now,
            ExpiresAt = now + retention,
        };
}

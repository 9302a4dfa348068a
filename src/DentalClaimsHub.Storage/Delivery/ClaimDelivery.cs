namespace DentalClaimsHub.Storage.Delivery;

public enum ClaimDeliveryStatus
{
    /// <summary>Built and stored; not yet confirmed received by the payer. A retry resends exactly these bytes.</summary>
    Prepared,

    /// <summary>The payer's endpoint confirmed receipt (CORE receipt, HTTP 2xx, file written).</summary>
    Sent,

    /// <summary>Given up: the payer refused the transmission itself (not transient); the claims were sent back for a fix.</summary>
    Failed,
}

/// <summary>
/// One transmission of one or more queued claims to a payer: the exact bytes (a stored outbound message), the id the
/// payer deduplicates on (CORE PayloadID / ISA13 / FHIR request id) and whether the payer confirmed it.
/// <para>
/// Exactly-once rests on this row: it is committed before the first byte leaves, and every retry after a crash or a
/// timeout resends the same stored bytes with the same PayloadID and ISA13, which a payer discards as a repeat. A
/// deliberate resubmission (after a rejection) is a new delivery with a new interchange control number.
/// </para>
/// </summary>
public sealed class ClaimDelivery
{
    private ClaimDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string PayerId { get; private set; } = "";

    /// <summary>x12, fhir or dms.</summary>
    public string Protocol { get; private set; } = "";

    /// <summary>The claims inside, in transaction order.</summary>
    public List<Guid> ClaimIds { get; private set; } = [];

    /// <summary>The stored outbound message with the exact bytes sent.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The id the payer deduplicates on: CORE PayloadID, FHIR request id, file name.</summary>
    public string PayloadId { get; private set; } = "";

    public ClaimDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The payer's receipt (CORE batch receipt id, FHIR ClaimResponse id).</summary>
    public string? Receipt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Not to be retried before this instant (backoff after a failed attempt).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public static ClaimDelivery Prepare(Guid practiceId, string payerId, string protocol, IEnumerable<Guid> claimIds, Guid messageId,
        string payloadId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            PayerId = payerId,
            Protocol = protocol,
            ClaimIds = [.. claimIds],
            MessageId = messageId,
            PayloadId = payloadId,
            Status = ClaimDeliveryStatus.Prepared,
            CreatedAt = now,
        };

    public void MarkSent(string? receipt, DateTimeOffset now)
    {
        Attempts++;
        Status = ClaimDeliveryStatus.Sent;
        Receipt = receipt is { Length: > 200 } ? receipt[..200] : receipt;
        SentAt = now;
        LastError = null;
        NextAttemptAt = null;
    }

    /// <summary>A transient failure: stays Prepared, to be resent (same bytes) after a backoff.</summary>
    public void RecordAttemptFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error);
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(900, 5 * Math.Pow(2, Math.Min(Attempts - 1, 8))));
    }

    /// <summary>The payer refused the transmission itself; it will not be resent.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        Status = ClaimDeliveryStatus.Failed;
        LastError = Truncate(error);
        NextAttemptAt = null;
        SentAt ??= now;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}

using DentalClaimsHub.Storage.Protection;

namespace DentalClaimsHub.Storage.Messages;

public enum MessageDirection
{
    Inbound,
    Outbound,
}

public enum MessageParseStatus
{
    Received,
    Parsed,
    PartiallyParsed,
    Failed,
}

/// <summary>
/// Every message that crosses the border, kept raw with what identifies it, so any result can be traced to bytes
/// and replayed. Deduplicated by SHA-256 per direction and sender.
/// </summary>
public sealed class StoredMessage
{
    private StoredMessage()
    {
    }

    public Guid Id { get; private set; }

    public MessageDirection Direction { get; private set; }

    /// <summary>x12, fhir, dms, caqh-core…</summary>
    public string Protocol { get; private set; } = "";

    /// <summary>837, 271, 835, ClaimResponse, roster…</summary>
    public string TransactionType { get; private set; } = "";

    public string? InterchangeControlNumber { get; private set; }

    public string? GroupControlNumber { get; private set; }

    public List<string> TransactionControlNumbers { get; private set; } = [];

    public string? SenderId { get; private set; }

    public string? ReceiverId { get; private set; }

    public string? PayerId { get; private set; }

    public Guid? PracticeId { get; private set; }

    public string ContentType { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>The bytes as stored: encrypted when <see cref="ContentProtection"/> says so (read them with <see cref="ReadContent"/>).
    /// </summary>
    public byte[] Content { get; private set; } = [];

    public ContentProtection ContentProtection { get; private set; }

    public List<Guid> LinkedIds { get; private set; } = [];

    public MessageParseStatus ParseStatus { get; private set; }

    /// <summary>Parse/validation findings as JSON (array of issues); null when none.</summary>
    public string? ParseErrors { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public static StoredMessage Create(MessageDirection direction, string protocol, string transactionType, byte[] content,
        string contentType, DateTimeOffset now, string? payerId = null, Guid? practiceId = null, Guid? id = null) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(now),
            Direction = direction,
            Protocol = protocol,
            TransactionType = transactionType,
            Content = content,
            ContentType = contentType,
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            PayerId = payerId,
            PracticeId = practiceId,
            ParseStatus = MessageParseStatus.Received,
            ReceivedAt = now,
        };

    public StoredMessage WithEnvelope(string? senderId, string? receiverId, string? interchangeControlNumber,
        string? groupControlNumber, IEnumerable<string> transactionControlNumbers)
    {
        SenderId = senderId;
        ReceiverId = receiverId;
        InterchangeControlNumber = interchangeControlNumber;
        GroupControlNumber = groupControlNumber;
        TransactionControlNumbers = [.. transactionControlNumbers];
        return this;
    }

    /// <summary>Encrypts the content at rest (size and SHA-256 stay those of the plain file, for deduplication).</summary>
    public StoredMessage ProtectContent(IStoredFileProtector protector)
    {
        if (ContentProtection == ContentProtection.None)
        {
            Content = protector.Protect(Content);
            ContentProtection = ContentProtection.DataProtection;
        }

        return this;
    }

    /// <summary>The plain bytes of the message.</summary>
    public byte[] ReadContent(IStoredFileProtector protector) =>
        ContentProtection == ContentProtection.None ? Content : protector.Unprotect(Content);

    public void Link(Guid canonicalId)
    {
        if (!LinkedIds.Contains(canonicalId))
        {
            LinkedIds.Add(canonicalId);
        }
    }

    public void MarkParsed(MessageParseStatus status, string? errorsJson)
    {
        ParseStatus = status;
        ParseErrors = errorsJson;
    }
}

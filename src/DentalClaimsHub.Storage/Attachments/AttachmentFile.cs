namespace DentalClaimsHub.Storage.Attachments;

/// <summary>
/// The bytes of a document supporting a claim (X-ray, perio chart, narrative), kept in PostgreSQL beside the claim it
/// belongs to; the claim's attachment points here with <see cref="StorageKey"/>. PHI: read only through audited endpoints.
/// </summary>
public sealed class AttachmentFile
{
    private AttachmentFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The PWK06 attachment control number the claim refers to.</summary>
    public string ControlNumber { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public string? FileName { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The claim attachment's storage key for this file.</summary>
    public string StorageKey => KeyOf(Id);

    public static string KeyOf(Guid id) => $"db:attachment_files/{id:N}";

    public static AttachmentFile Create(Guid practiceId, Guid claimId, string controlNumber, string contentType, string? fileName, byte[] content,
        DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            ClaimId = claimId,
            ControlNumber = controlNumber,
            ContentType = contentType,
            FileName = fileName,
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
        };
}

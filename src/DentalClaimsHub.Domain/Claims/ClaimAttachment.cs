namespace DentalClaimsHub.Domain.Claims;

/// <summary>How a supporting document reaches the payer (X12 PWK02).</summary>
public enum AttachmentTransmission
{
    /// <summary>EL — electronically only (e.g. a 275 or payer portal, referenced by control number).</summary>
    Electronic = 1,

    /// <summary>BM — by mail.</summary>
    Mail = 2,

    /// <summary>FX — by fax.</summary>
    Fax = 3,

    /// <summary>FT — file transfer.</summary>
    FileTransfer = 4,

    /// <summary>AA — available on request at the provider site.</summary>
    AvailableOnRequest = 5,
}

/// <summary>
/// Metadata of a document that supports a claim — X-ray, perio chart, narrative (X12 PWK). The bytes live in the
/// blob store under <see cref="StorageKey"/>; the claim only points at them.
/// </summary>
public sealed record ClaimAttachment
{
    public ClaimAttachment(
        string reportType,
        AttachmentTransmission transmission,
        string controlNumber,
        string contentType,
        long sizeBytes,
        string storageKey,
        string? fileName = null)
    {
        var type = Guard.Required(reportType, nameof(ReportType), 10).ToUpperInvariant();
        if (type.Length != 2 || !type.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException($"Attachment report type must be a 2-character PWK01 code such as 'RB' or 'DG', got '{reportType}'.", nameof(reportType))
            {
                Rule = ClaimChangeRules.ReportType, Args = [reportType],
            };
        }

        if (!Enum.IsDefined(transmission))
        {
            throw new DomainException($"Attachment transmission '{transmission}' is not a known value.", nameof(transmission));
        }

        if (sizeBytes < 0)
        {
            throw new DomainException($"Attachment size must not be negative, got {sizeBytes}.", nameof(sizeBytes));
        }

        ReportType = type;
        Transmission = transmission;
        ControlNumber = Guard.Required(controlNumber, nameof(ControlNumber), 80);
        ContentType = Guard.Required(contentType, nameof(ContentType), 100);
        SizeBytes = sizeBytes;
        StorageKey = Guard.Required(storageKey, nameof(StorageKey), 500);
        FileName = Guard.Optional(fileName, nameof(FileName), 255);
    }

    /// <summary>PWK01 report type code: RB radiology films, DG diagnostic report, OZ support data, B4 referral…</summary>
    public string ReportType { get; }

    public AttachmentTransmission Transmission { get; }

    /// <summary>Attachment control number (PWK06) that ties the claim to the document sent separately.</summary>
    public string ControlNumber { get; }

    public string ContentType { get; }

    public long SizeBytes { get; }

    public string StorageKey { get; }

    public string? FileName { get; }

    /// <summary>The PWK02 code.</summary>
    public string TransmissionCode => Transmission switch
    {
        AttachmentTransmission.Electronic => "EL",
        AttachmentTransmission.Mail => "BM",
        AttachmentTransmission.Fax => "FX",
        AttachmentTransmission.FileTransfer => "FT",
        _ => "AA",
    };
}

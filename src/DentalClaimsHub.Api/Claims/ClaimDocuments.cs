using System.Text;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Attachments;

namespace DentalClaimsHub.Api.Claims;

/// <summary>
/// Why a document was not taken: the field it concerns (<c>file</c>, <c>reportType</c>, <c>controlNumber</c>) or a conflict with
/// the claim's state; the English message, and the rule's id (<see cref="DocumentRules"/> or a claim rule) with its values.
/// </summary>
public sealed record DocumentRefusal(string Field, string Message, bool Conflict = false)
{
    public string? Rule { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];
}

/// <summary>
/// Stores a document supporting a claim, for the API's upload and the console's: checks the declared type against the
/// file's signature, keeps the file with the claim (a newer upload for a control number supersedes the older one) and
/// completes the claim's PWK declaration — or adds a new attachment while the claim is still a draft. The caller saves.
/// </summary>
public static class ClaimDocuments
{
    /// <summary>Content types a payer's attachment channel takes, with how to recognise each from its first bytes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Accepted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "JPEG image",
        ["image/png"] = "PNG image",
        ["image/tiff"] = "TIFF image",
        ["application/pdf"] = "PDF document",
        ["application/dicom"] = "DICOM image",
        ["text/plain"] = "plain-text narrative",
    };

    /// <summary>The content type as stored: no parameters, lower case.</summary>
    public static string Normalize(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";

    /// <summary>What is wrong with the file itself (type not accepted, or not what it claims to be), or null.</summary>
    public static string? CheckFile(string contentType, ReadOnlySpan<byte> content) => RefuseFile(contentType, content)?.Message;

    private static DocumentRefusal? RefuseFile(string contentType, ReadOnlySpan<byte> content)
    {
        if (!Accepted.TryGetValue(contentType, out var kind))
        {
            return new DocumentRefusal("file", $"Content type '{contentType}' is not accepted; send one of {string.Join(", ", Accepted.Keys)}.")
            {
                Rule = DocumentRules.ContentType, Args = [contentType],
            };
        }

        return Matches(contentType, content) ? null
            : new DocumentRefusal("file", $"The file is declared {contentType} but does not look like a {kind}.")
            {
                Rule = DocumentRules.NotWhatItSays, Args = [contentType, kind],
            };
    }

    /// <summary>
    /// Attaches <paramref name="content"/> to <paramref name="claim"/> under <paramref name="controlNumber"/> (a new one when
    /// null). The report type and transmission default to the declaration's. Returns the attachment, or why not.
    /// </summary>
    public static (ClaimAttachment? Attachment, DocumentRefusal? Refusal) Attach(HubDbContext db, Claim claim, string? controlNumber, string? reportType,
        AttachmentTransmission? transmission, string contentType, string? fileName, byte[] content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(content);
        if (RefuseFile(contentType, content) is { } bad)
        {
            return (null, bad);
        }

        controlNumber ??= $"ATT{Guid.CreateVersion7(now):N}"[..18].ToUpperInvariant();
        var declared = claim.Attachments.FirstOrDefault(a => a.ControlNumber == controlNumber);
        reportType ??= declared?.ReportType;
        if (reportType is null)
        {
            return (null, new DocumentRefusal("reportType", "Give the PWK01 report type (RB radiology films, DG diagnostic report, OZ support data…).")
            {
                Rule = DocumentRules.ReportTypeMissing,
            });
        }

        var name = Path.GetFileName(fileName) is { Length: > 0 } given ? given[^Math.Min(given.Length, 255)..] : null;
        var stored = AttachmentFile.Create(claim.PracticeId, claim.Id, controlNumber, contentType, name, content, now);
        ClaimAttachment attachment;
        try
        {
            attachment = new ClaimAttachment(reportType, declared?.Transmission ?? transmission ?? AttachmentTransmission.Electronic, controlNumber,
                contentType, content.LongLength, stored.StorageKey, stored.FileName);
            claim.AttachDocument(attachment, now);
        }
        catch (DomainException ex) when (ex.ParamName is "reportType" or "controlNumber" or "ControlNumber" or "ReportType")
        {
            var field = ex.ParamName.StartsWith("r", StringComparison.OrdinalIgnoreCase) ? "reportType" : "controlNumber";
            // A blank report type breaks the guard's "required", which is the missing report type.
            var rule = ex.Rule ?? (field == "reportType" ? DocumentRules.ReportTypeMissing : null);
            return (null, new DocumentRefusal(field, ex.Message) { Rule = rule, Args = ex.Rule is null ? [] : ex.Args });
        }
        catch (DomainException ex)
        {
            return (null, new DocumentRefusal("file", ex.Message, Conflict: true) { Rule = ex.Rule, Args = ex.Args });
        }

        db.AttachmentFiles.RemoveRange(db.AttachmentFiles.Where(f => f.ClaimId == claim.Id && f.ControlNumber == controlNumber));
        db.AttachmentFiles.Add(stored);
        return (attachment, null);
    }

    /// <summary>True when <paramref name="content"/> starts the way a <paramref name="contentType"/> file does.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> content) => contentType switch
    {
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/tiff" => content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8),
        "application/pdf" => content.StartsWith("%PDF-"u8),
        "application/dicom" => content.Length > 132 && content.Slice(128, 4).SequenceEqual("DICM"u8),
        "text/plain" => !content.Contains((byte)0) && IsUtf8(content),
        _ => false,
    };

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

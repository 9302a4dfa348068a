using System.Security.Claims;
using System.Text;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Claims;

public sealed class ClaimAttachmentOptions
{
    /// <summary>Largest document accepted (payers commonly cap attachments at 5–10 MB per file).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Documents supporting a claim — X-rays, perio charts, narratives: uploaded as multipart form data, checked (size, the
/// declared type against the file's own signature) and stored with the claim. A document for an attachment control
/// number the claim declared (PWK06) may come any time; a new attachment only while the claim is a draft.
/// </summary>
public static class ClaimAttachmentsApi
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

    public static WebApplication MapClaimAttachmentsApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/claims/{id:guid}/attachments").WithTags("Claims");
        group.MapPost("/", UploadAsync).RequireScope(Scopes.ClaimsWrite).WithName("AddClaimAttachment").DisableAntiforgery()
            .WithSummary("Uploads a document supporting the claim (multipart: file, reportType, transmission, controlNumber).")
            .WithDescription("Accepted: JPEG, PNG, TIFF, PDF, DICOM and plain-text narratives, up to Hub:Claims:Attachments:MaxBytes (10 MB). "
                + "The content type must match the file's signature. For a control number the claim declared the document completes the "
                + "declaration; a new attachment is possible only while the claim is a draft.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{controlNumber}", DownloadAsync).RequireScope(Scopes.ClaimsRead).WithName("GetClaimAttachment")
            .WithSummary("Downloads an attachment's document (audited: it is PHI).");
        return app;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        TimeProvider time, IOptions<ClaimAttachmentOptions> options, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var max = options.Value.MaxBytes;
        if (request.ContentLength > max + (64 * 1024))
        {
            return TooLarge(max);
        }

        var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Claim not found", detail: $"No claim {id} in this practice.");
        }

        var errors = new ValidationErrors();
        if (!request.HasFormContentType)
        {
            return errors.Add("$.file", "Send multipart/form-data with the document in a part named 'file'.").ToResult();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return errors.Add("$.file", "Send the document in a part named 'file' (not empty).").ToResult();
        }

        if (file.Length > max)
        {
            return TooLarge(max);
        }

        var contentType = file.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        if (!Accepted.ContainsKey(contentType))
        {
            errors.Add("$.file", $"Content type '{contentType}' is not accepted; send one of {string.Join(", ", Accepted.Keys)}.");
        }
        else if (!Matches(contentType, content))
        {
            errors.Add("$.file", $"The file is declared {contentType} but does not look like a {Accepted[contentType]}.");
        }

        var controlNumber = PatientValidation.Blank(form["controlNumber"]) ?? $"ATT{Guid.CreateVersion7(time.GetUtcNow()):N}"[..18].ToUpperInvariant();
        var declared = claim.Attachments.FirstOrDefault(a => a.ControlNumber == controlNumber);
        var reportType = PatientValidation.Blank(form["reportType"]) ?? declared?.ReportType;
        if (reportType is null)
        {
            errors.Add("$.reportType", "Give the PWK01 report type (RB radiology films, DG diagnostic report, OZ support data…).");
        }

        var transmission = AttachmentTransmission.Electronic;
        if (PatientValidation.Blank(form["transmission"]) is { } named && !ClaimIntake.TryParseTransmission(named, out transmission))
        {
            errors.Add("$.transmission", ClaimIntake.TransmissionRule);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var now = time.GetUtcNow();
        var fileName = PatientValidation.Blank(Path.GetFileName(file.FileName)) is { } name && name.Length > 255 ? name[^255..] : PatientValidation.Blank(Path.GetFileName(file.FileName));
        var stored = AttachmentFile.Create(practiceId, claim.Id, controlNumber, contentType, fileName, content, now);
        ClaimAttachment attachment;
        try
        {
            attachment = new ClaimAttachment(reportType!, declared?.Transmission ?? transmission, controlNumber, contentType, content.LongLength,
                stored.StorageKey, stored.FileName);
            claim.AttachDocument(attachment, now);
        }
        catch (DomainException ex) when (ex.ParamName is "reportType" or "controlNumber" or "ControlNumber" or "ReportType")
        {
            return errors.Add(ex.ParamName.StartsWith("r", StringComparison.OrdinalIgnoreCase) ? "$.reportType" : "$.controlNumber", ex.Message).ToResult();
        }
        catch (DomainException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The claim cannot take this attachment", detail: ex.Message);
        }

        // A newer upload for the same control number supersedes the older file.
        db.AttachmentFiles.RemoveRange(db.AttachmentFiles.Where(f => f.ClaimId == claim.Id && f.ControlNumber == controlNumber));
        db.AttachmentFiles.Add(stored);
        audit.Record(user, "claim.attachment.added", "claim", claim.Id,
            System.Text.Json.JsonSerializer.Serialize(new { controlNumber, contentType, size = content.LongLength }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/claims/{claim.Id}/attachments/{Uri.EscapeDataString(controlNumber)}",
            new AttachmentResponse(attachment.ReportType, Camel(attachment.Transmission),
                attachment.ControlNumber, attachment.ContentType, attachment.SizeBytes, attachment.FileName));
    }

    private static async Task<IResult> DownloadAsync(Guid id, string controlNumber, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var file = await db.AttachmentFiles.AsNoTracking()
            .Where(f => f.ClaimId == id && f.ControlNumber == controlNumber).OrderByDescending(f => f.UploadedAt).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Attachment not found",
                detail: $"Claim {id} has no uploaded document '{controlNumber}' in this practice.");
        }

        await audit.RecordReadAsync(user, "claim-attachment", [file.Id], cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
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

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Attachment too large",
            detail: $"A document may be at most {max / (1024 * 1024)} MB.");
}

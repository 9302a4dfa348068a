using System.Security.Claims;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
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
    /// <summary>Content types a payer's attachment channel takes (see <see cref="ClaimDocuments.Accepted"/>).</summary>
    public static IReadOnlyDictionary<string, string> Accepted => ClaimDocuments.Accepted;

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

        var contentType = ClaimDocuments.Normalize(file.ContentType);
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        if (ClaimDocuments.CheckFile(contentType, content) is { } bad)
        {
            errors.Add("$.file", bad);
        }

        var controlNumber = PatientValidation.Blank(form["controlNumber"]);
        var reportType = PatientValidation.Blank(form["reportType"]);
        if (reportType is null && (controlNumber is null || claim.Attachments.All(a => a.ControlNumber != controlNumber)))
        {
            errors.Add("$.reportType", "Give the PWK01 report type (RB radiology films, DG diagnostic report, OZ support data…).");
        }

        AttachmentTransmission? transmission = null;
        if (PatientValidation.Blank(form["transmission"]) is { } named)
        {
            if (ClaimIntake.TryParseTransmission(named, out var parsed))
            {
                transmission = parsed;
            }
            else
            {
                errors.Add("$.transmission", ClaimIntake.TransmissionRule);
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var (attachment, refusal) = ClaimDocuments.Attach(db, claim, controlNumber, reportType, transmission, contentType, file.FileName, content,
            time.GetUtcNow());
        if (refusal is { Conflict: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The claim cannot take this attachment", detail: refusal.Message);
        }

        if (refusal is not null || attachment is null)
        {
            return errors.Add("$." + refusal!.Field, refusal.Message).ToResult();
        }

        controlNumber = attachment.ControlNumber;
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
    public static bool Matches(string contentType, ReadOnlySpan<byte> content) => ClaimDocuments.Matches(contentType, content);

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Attachment too large",
            detail: $"A document may be at most {max / (1024 * 1024)} MB.");
}

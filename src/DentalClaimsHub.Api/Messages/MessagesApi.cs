using System.Security.Claims;
using System.Text;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Messages;

/// <summary>A raw message as it crossed the border, with what identifies it.</summary>
public sealed record MessageResponse(
    Guid Id,
    string Direction,
    string Protocol,
    string TransactionType,
    string? PayerId,
    string? InterchangeControlNumber,
    string? GroupControlNumber,
    IReadOnlyList<string> TransactionControlNumbers,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<Guid> LinkedIds,
    string? Text);

/// <summary>
/// The raw messages a claim's timeline points at (<c>rawMessageId</c>): the 837, FHIR request or registry the hub sent,
/// and later the acknowledgements and remittances it received. PHI: every read is audited.
/// </summary>
public static class MessagesApi
{
    public static WebApplication MapMessagesApi(this WebApplication app)
    {
        app.MapGroup("/v1/messages").WithTags("Messages")
            .MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.ClaimsRead).WithName("GetMessage")
            .WithSummary("Reads a stored raw message of this practice (text for X12, FHIR JSON and CSV; the bytes' sha256 always).")
            .WithDescription("Add ?raw=true for the exact bytes with their content type.");
        return app;
    }

    private static async Task<IResult> GetAsync(Guid id, bool? raw, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        IStoredFileProtector protector, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        // Messages are not tenant-filtered (inbound files may not name a practice yet): this practice's only.
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.PracticeId == practiceId, cancellationToken);
        if (message is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Message not found", detail: $"No message {id} in this practice.");
        }

        await audit.RecordReadAsync(user, "message", [message.Id], cancellationToken);
        var content = message.ReadContent(protector);
        if (raw == true)
        {
            return TypedResults.File(content, message.ContentType);
        }

        return TypedResults.Ok(new MessageResponse(message.Id, message.Direction.ToString().ToLowerInvariant(), message.Protocol, message.TransactionType,
            message.PayerId, message.InterchangeControlNumber, message.GroupControlNumber, message.TransactionControlNumbers, message.ContentType,
            message.Size, message.Sha256, message.ReceivedAt, message.LinkedIds, Text(message.ContentType, content)));
    }

    // Text when the content type names a charset we can decode (ДМС files are often windows-1251), UTF-8 otherwise.
    private static string? Text(string contentType, byte[] content)
    {
        var charset = contentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?[8..];
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return (charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset)).GetString(content);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

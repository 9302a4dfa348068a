using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Storage.Access;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>What the hub did with an inbound file.</summary>
/// <param name="MessageId">The stored raw file.</param>
/// <param name="Duplicate">True when the same file (by SHA-256, or sender + ISA13) was already received: nothing was applied again.</param>
/// <param name="TransactionType">999, TA1, 277CA, 277, 835…</param>
/// <param name="ClaimsUpdated">Claims whose state changed.</param>
/// <param name="Notes">What could not be applied, and why; the file is kept and flagged for review when not empty.</param>
public sealed record InboundResult(Guid MessageId, bool Duplicate, string TransactionType, int ClaimsUpdated, IReadOnlyList<string> Notes)
{
    /// <summary>The result with <paramref name="notes"/> in English (<see cref="Notes"/>) and coded (<see cref="CodedNotes"/>).</summary>
    public static InboundResult Of(Guid messageId, bool duplicate, string transactionType, int claimsUpdated, IReadOnlyList<IngestNote> notes) =>
        new(messageId, duplicate, transactionType, claimsUpdated, notes.Texts()) { CodedNotes = notes };

    /// <summary>The notes with their codes, for the console to word in its user's language; not part of the API's answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<IngestNote> CodedNotes { get; init; } = [];

    /// <summary>Remittances read from the file (835), with their status.</summary>
    public IReadOnlyList<Guid> RemittanceIds { get; init; } = [];

    /// <summary>Our 999 (or TA1) answering the file, stored as an outbound message, when the payer's profile asks for one.</summary>
    public Guid? AcknowledgementMessageId { get; init; }

    /// <summary>The acknowledgement's X12 text (also the whole response body when the request accepts application/edi-x12).</summary>
    public string? Acknowledgement { get; init; }
}

/// <summary>
/// <c>POST /inbound/{payer}/x12</c> for insurer keys: any X12 file (TA1, 999, 277CA, 277, 835) is handed to
/// <see cref="InboundX12Ingestor"/>: stored raw first, deduplicated, applied. The file pollers use the same ingestor.
/// </summary>
public static class InboundX12Api
{
    public static WebApplication MapInboundX12Api(this WebApplication app)
    {
        app.MapPost("/inbound/{payer}/x12", ReceiveAsync).RequireScope(Scopes.Inbound).WithTags("Inbound").WithName("ReceiveX12")
            .WithSummary("Takes an X12 file from an insurer (TA1, 999, 277CA, 277, 835): stored raw, deduplicated, applied to the claims it answers.")
            .Accepts<string>("application/edi-x12", "text/plain").Produces<InboundResult>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.MapPost("/inbound/{payer}/fhir", ReceiveFhirAsync).RequireScope(Scopes.Inbound).WithTags("Inbound").WithName("ReceiveFhir")
            .WithSummary("Takes a FHIR ClaimResponse, ExplanationOfBenefit or Bundle (e.g. a PAS response) from an insurer: stored raw, deduplicated, applied.")
            .Accepts<string>("application/fhir+json", "application/json").Produces<InboundResult>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ReceiveFhirAsync(string payer, HttpRequest request, InboundFhirIngestor ingestor, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(payer, request, user, cancellationToken);
        return problem ?? TypedResults.Ok(await ingestor.IngestAsync(payer, body!, "http", cancellationToken));
    }

    private static async Task<(byte[]? Body, IResult? Problem)> ReadBodyAsync(string payer, HttpRequest request, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.ForbidOtherInsurer(payer) is { } forbidden)
        {
            return (null, forbidden);
        }

        if (request.ContentLength > InboundX12Ingestor.MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > InboundX12Ingestor.MaxBytes)
        {
            return (null, TooLarge());
        }

        return buffer.Length == 0
            ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty file", detail: "Send the file as the request body."))
            : (buffer.ToArray(), null);
    }

    private static async Task<IResult> ReceiveAsync(string payer, HttpRequest request, InboundX12Ingestor ingestor, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(payer, request, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await ingestor.IngestAsync(payer, body!, "http", cancellationToken);
        return result.Acknowledgement is { } ack && request.Headers.Accept.ToString().Contains("application/edi-x12", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Text(ack, "application/edi-x12")
            : TypedResults.Ok(result);
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
        detail: $"Inbound files are accepted up to {InboundX12Ingestor.MaxBytes / (1024 * 1024)} MB; split larger remittances per payment.");
}

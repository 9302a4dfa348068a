using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// One protocol's way of sending claims: build the bytes for a batch of claims to one payer (pure, repeatable from the
/// canonical data), then send stored bytes — possibly again, after a crash — under a stable payload id.
/// </summary>
public interface IClaimProtocol
{
    /// <summary>The protocol this implementation speaks.</summary>
    PayerProtocol Protocol { get; }

    /// <summary>
    /// Builds the transmission for <paramref name="batch"/> (all to one payer), taking fresh control numbers. Throws
    /// <see cref="ClaimBuildException"/> when a claim cannot be expressed in the protocol (missing billing address, no
    /// NPI…): that is the claim's problem, not the payer's, and retrying will not help.
    /// </summary>
    Task<ClaimTransmission> BuildAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="content"/> (exactly what <see cref="BuildAsync"/> produced and the hub stored) and returns the
    /// payer's receipt. Transient failures throw; the caller resends the same bytes with the same <paramref name="payloadId"/>.
    /// </summary>
    Task<ClaimReceipt> SendAsync(PayerProfile payer, ClaimTransmission content, string payloadId, CancellationToken cancellationToken);
}

/// <summary>The bytes of one transmission and what identifies it.</summary>
/// <param name="TransactionType">837, Claim, Bundle, registry…</param>
/// <param name="ContentType">MIME type of <paramref name="Content"/>.</param>
/// <param name="Content">The exact bytes sent.</param>
/// <param name="InterchangeControlNumber">ISA13 for X12.</param>
/// <param name="GroupControlNumber">GS06 for X12.</param>
/// <param name="TransactionControlNumbers">ST02 per claim, in batch order, for X12.</param>
/// <param name="SenderId">ISA06 or the hub's FHIR client id.</param>
/// <param name="ReceiverId">ISA08 or the payer's endpoint id.</param>
public sealed record ClaimTransmission(
    string TransactionType,
    string ContentType,
    byte[] Content,
    string? InterchangeControlNumber = null,
    string? GroupControlNumber = null,
    IReadOnlyList<string>? TransactionControlNumbers = null,
    string? SenderId = null,
    string? ReceiverId = null);

/// <summary>What the payer's endpoint said on receipt.</summary>
/// <param name="Receipt">The payer's receipt id (CORE batch receipt, FHIR ClaimResponse id).</param>
/// <param name="PayerClaimNumbers">Claim numbers the payer assigned at once (FHIR), by patient control number.</param>
/// <param name="Response">The payer's response body, to store when it carries more than a receipt.</param>
/// <param name="Decision">For a treatment plan the payer decided at once (FHIR ClaimResponse outcome complete): its decision.</param>
public sealed record ClaimReceipt(
    string? Receipt, IReadOnlyDictionary<string, string>? PayerClaimNumbers = null, byte[]? Response = null, PlanDecision? Decision = null);

/// <summary>A payer's answer to a treatment plan: its reference (REF*G3 on the later claim) and what it approves per line.</summary>
/// <param name="ReferenceNumber">The predetermination / pre-authorisation number.</param>
/// <param name="Lines">Per planned line (1-based, the claim's line numbers): the approved amount in the claim's currency, 0 or null when denied.</param>
/// <param name="Note">The payer's free text.</param>
public sealed record PlanDecision(string? ReferenceNumber, IReadOnlyList<PlanLineDecision> Lines, string? Note = null);

/// <summary>One planned line's decision.</summary>
public sealed record PlanLineDecision(int LineNumber, decimal? ApprovedAmount, string? Note = null);

/// <summary>
/// A claim cannot be expressed in the payer's protocol; the message says which field to fix. <see cref="Reason"/> is the
/// same account as a timeline code with its values when the protocol gave one (the message is then its English text).
/// </summary>
public sealed class ClaimBuildException : Exception
{
    public ClaimBuildException(string message, Exception? inner = null, Guid? claimId = null)
        : base(message, inner) => ClaimId = claimId;

    public ClaimBuildException(Domain.Claims.TimelineReason reason, Exception? inner = null, Guid? claimId = null)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).Text, inner) => (Reason, ClaimId) = (reason, claimId);

    /// <summary>The claim at fault, when one claim of a batch is (the others can still be sent).</summary>
    public Guid? ClaimId { get; }

    /// <summary>The account as a timeline reason with a code, or null when the protocol gave only English.</summary>
    public Domain.Claims.TimelineReason? Reason { get; }
}

namespace DentalClaimsHub.Adapters.X12.Messages;

/// <summary>
/// One X12 interchange that crossed the border, as it should be kept: raw text, envelope identifiers and the canonical
/// record it concerns. <paramref name="Problems"/> is null for a message we wrote or one that read cleanly, otherwise
/// what made it unusable or partly used.
/// </summary>
/// <param name="Outbound">True for what the hub sent, false for what a payer sent.</param>
/// <param name="TransactionType">ST01 (<c>270</c>, <c>271</c>…).</param>
/// <param name="Content">The interchange exactly as sent or received.</param>
/// <param name="PayerId">The payer profile id.</param>
/// <param name="PracticeId">The practice (tenant) the message belongs to.</param>
/// <param name="LinkedId">The canonical record it concerns (an eligibility check id, say).</param>
public sealed record X12MessageRecord(
    bool Outbound, string TransactionType, string Content, string PayerId, Guid PracticeId, Guid LinkedId)
{
    /// <summary>
    /// <see cref="Content"/> as UTF-8, when the caller already holds those bytes: the log keeps them instead of encoding the
    /// text again. Null means the log encodes <see cref="Content"/>.
    /// </summary>
    public byte[]? Utf8Content { get; init; }

    /// <summary>The envelope's identifiers, when the interchange could be read that far.</summary>
    public X12EnvelopeIds? Envelope { get; init; }

    /// <summary>Why an inbound message could not be used, or what was skipped; null when it read cleanly.</summary>
    public IReadOnlyList<string>? Problems { get; init; }

    /// <summary>True when an inbound message yielded no usable result.</summary>
    public bool Unusable { get; init; }
}

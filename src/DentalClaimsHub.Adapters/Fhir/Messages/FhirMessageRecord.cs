namespace DentalClaimsHub.Adapters.Fhir.Messages;

/// <summary>One FHIR request or answer body that crossed the border, as it should be kept.</summary>
/// <param name="Outbound">True for what the hub sent, false for what a payer sent.</param>
/// <param name="ResourceType">The resource type of the body (<c>Task</c>, <c>ClaimResponse</c>, <c>OperationOutcome</c>…).</param>
/// <param name="Content">The body exactly as sent or received.</param>
/// <param name="PayerId">The payer profile id.</param>
/// <param name="PracticeId">The practice (tenant) the message belongs to.</param>
/// <param name="LinkedId">The canonical record it concerns (a claim id, say).</param>
public sealed record FhirMessageRecord(bool Outbound, string ResourceType, byte[] Content, string PayerId, Guid PracticeId, Guid LinkedId)
{
    /// <summary>Identifiers the body carries that people search by (our patient control number).</summary>
    public IReadOnlyList<string> ControlNumbers { get; init; } = [];

    /// <summary>What was wrong or skipped in an inbound body; null when it read cleanly.</summary>
    public IReadOnlyList<string>? Problems { get; init; }

    /// <summary>True when an inbound body yielded no usable result.</summary>
    public bool Unusable { get; init; }
}

namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>
/// What a payer said about one claim (X12: one 2200D/2200E loop of a 277), or why it could not be asked. The
/// <see cref="Outcome"/> is read from the current claim-level status; <see cref="Problems"/> lists what a reader had to skip.
/// </summary>
public sealed record ClaimStatusResult
{
    /// <summary>Our patient control number as the payer echoed it (REF*EJ), or the one asked about.</summary>
    public string? PatientControlNumber { get; init; }

    /// <summary>The payer's claim number (REF*1K), when it gave one.</summary>
    public string? PayerClaimNumber { get; init; }

    /// <summary>The trace the answer echoes (TRN02), which matches <see cref="ClaimStatusQuery.TraceNumber"/>.</summary>
    public string? TraceNumber { get; init; }

    /// <summary>The claim's dates of service as the payer has them.</summary>
    public DateOnly? ServiceFrom { get; init; }

    public DateOnly? ServiceTo { get; init; }

    /// <summary>Claim-level statuses in the order sent.</summary>
    public IReadOnlyList<ClaimStatusEntry> Statuses { get; init; } = [];

    public IReadOnlyList<ClaimStatusLine> Lines { get; init; } = [];

    /// <summary>Set when the inquiry produced no answer to read.</summary>
    public ClaimStatusFailure? Failure { get; init; }

    /// <summary>
    /// The answer in its own protocol's words when that protocol has no X12 status codes to describe it by (FHIR: the
    /// ClaimResponse outcome and disposition); null for a 277, whose statuses are described from the code lists.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>What was wrong or skipped in the answer; empty when it read cleanly.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// The status that counts: the latest effective date, the first sent on a tie (STC01 before its STC10/STC11 details).
    /// </summary>
    public ClaimStatusEntry? Current => Statuses
        .Select((entry, index) => (entry, index))
        .OrderByDescending(e => e.entry.EffectiveDate ?? DateOnly.MinValue)
        .ThenBy(e => e.index)
        .Select(e => e.entry)
        .FirstOrDefault();

    public ClaimStatusOutcome Outcome => Failure is null && Current is { } current ? current.Outcome : ClaimStatusOutcome.Unknown;

    /// <summary>True when the claim was finalized as a denial (F2).</summary>
    public bool Denied => Outcome == ClaimStatusOutcome.Finalized && ClaimStatusCategory.IsDenial(Current!.Category);

    /// <summary>The charge the payer has on file, from the first claim-level status that carries it.</summary>
    public decimal? TotalCharge => Statuses.FirstOrDefault(s => s.TotalCharge is not null)?.TotalCharge;

    /// <summary>What the payer paid, from the first claim-level status that carries it.</summary>
    public decimal? PaidAmount => Statuses.FirstOrDefault(s => s.PaidAmount is not null)?.PaidAmount;

    /// <summary>A result for an inquiry that failed before any status could be read.</summary>
    public static ClaimStatusResult Failed(ClaimStatusFailureKind kind, string message, string? patientControlNumber = null,
        string? traceNumber = null) =>
        new() { Failure = new ClaimStatusFailure(kind, message), PatientControlNumber = patientControlNumber, TraceNumber = traceNumber };
}

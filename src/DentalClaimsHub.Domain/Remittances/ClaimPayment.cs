using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>
/// The payer's adjudication of one claim in a remittance (X12 CLP loop 2100 with CAS, SVC lines, MOA remarks). An entity
/// of its own (table <c>claim_payments</c>): a claim's payments are listed across remittances, and an unmatched payment
/// waits in the review queue until someone assigns it.
/// </summary>
public sealed class ClaimPayment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The practice (tenant) of its remittance, once the payee is known.</summary>
    public Guid? PracticeId { get; internal set; }

    /// <summary>Position in its remittance, from 1.</summary>
    public int Ordinal { get; internal set; }

    /// <summary>Our CLM01, echoed in CLP01 — the key to find the claim.</summary>
    public required string PatientControlNumber { get; init; }

    public required ClaimPaymentStatus Status { get; init; }

    public required Money Charge { get; init; }

    public required Money Paid { get; init; }

    public Money? PatientResponsibility { get; init; }

    /// <summary>The payer's claim number (CLP07).</summary>
    public string? PayerClaimNumber { get; init; }

    /// <summary>The claim this payment was matched to; null until matched.</summary>
    public Guid? ClaimId { get; private set; }

    /// <summary>When the payment was applied to its claim; null while unmatched or not posted.</summary>
    public DateTimeOffset? PostedAt { get; private set; }

    /// <summary>Why the payment changed nothing or waits for review ("no claim PCN1 for this payer", "claim is voided").</summary>
    public string? Note { get; private set; }

    /// <summary>The note's code, set by whoever wrote it, with the values it names, so a reader can word it in another language.</summary>
    public string? NoteCode { get; private set; }

    public string[] NoteArgs { get; private set; } = [];

    /// <summary>True while the payment has no claim: it waits in the review queue.</summary>
    public bool NeedsReview => ClaimId is null;

    /// <summary>Claim-level adjustments (CAS in 2100).</summary>
    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];

    private IReadOnlyList<ServiceLinePayment> _serviceLines = [];

    public IReadOnlyList<ServiceLinePayment> ServiceLines { get => _serviceLines; init => _serviceLines = value; }

    /// <summary>Claim-level remark codes (MOA).</summary>
    public IReadOnlyList<string> RemarkCodes { get; init; } = [];

    /// <summary>Σ CO adjustments, claim and lines: what the provider writes off.</summary>
    public Money WriteOff => Money.Sum(AllAdjustments.Where(a => a.Group == AdjustmentGroup.ContractualObligation).Select(a => a.Amount), Charge.Currency);

    /// <summary>The patient's share: CLP05 when sent, else Σ PR adjustments.</summary>
    public Money PatientShare => PatientResponsibility ?? Money.Sum(
        AllAdjustments.Where(a => a.Group == AdjustmentGroup.PatientResponsibility).Select(a => a.Amount), Charge.Currency);

    /// <summary>Assigns the payment to <paramref name="claimId"/>, with the claim line numbers its service lines matched.</summary>
    public void MatchTo(Guid claimId, IReadOnlyList<int?>? lineNumbers = null)
    {
        ClaimId = Guard.NotEmpty(claimId, nameof(claimId));
        if (lineNumbers is not null)
        {
            if (lineNumbers.Count != ServiceLines.Count)
            {
                throw new DomainException($"{lineNumbers.Count} line numbers for {ServiceLines.Count} service lines.", nameof(lineNumbers));
            }

            _serviceLines = [.. _serviceLines.Select((l, i) => l with { ClaimLineNumber = lineNumbers[i] })];
        }
    }

    /// <summary>The payment was applied to its claim at <paramref name="now"/>, with an optional note of what that changed.</summary>
    public void MarkPosted(DateTimeOffset now, string? note = null, string? noteCode = null, IReadOnlyList<string>? noteArgs = null)
    {
        if (ClaimId is null)
        {
            throw new DomainException("An unmatched payment cannot be posted.", nameof(ClaimId));
        }

        PostedAt = Guard.Utc(now);
        Note = Guard.Optional(note, nameof(Note), 1000);
        NoteCode = Note is null ? null : noteCode;
        NoteArgs = Note is null ? [] : [.. noteArgs ?? []];
    }

    /// <summary>Records why the payment waits for review or changed nothing.</summary>
    public void Annotate(string note, string? noteCode = null, IReadOnlyList<string>? noteArgs = null)
    {
        Note = Guard.Required(note, nameof(Note), 1000);
        NoteCode = noteCode;
        NoteArgs = [.. noteArgs ?? []];
    }

    /// <summary>Claim and line adjustments together.</summary>
    public IEnumerable<Adjustment> AllAdjustments => Adjustments.Concat(ServiceLines.SelectMany(l => l.Adjustments));

    /// <summary>CLP03 − Σ CAS (claim and lines) = CLP04.</summary>
    public bool IsBalanced => Charge - Money.Sum(AllAdjustments.Select(a => a.Amount), Charge.Currency) == Paid;

    /// <summary>
    /// The claim state this payment leads to: Denied for status 4 or nothing paid and nothing owed by the patient;
    /// Paid when only contractual and patient-responsibility adjustments apply; PartiallyPaid when other (OA/PI)
    /// reductions cut the payment. Reversals and predetermination pricing change no claim state (null).
    /// </summary>
    public ClaimState? ToClaimOutcome()
    {
        if (Status is ClaimPaymentStatus.Reversal or ClaimPaymentStatus.PredeterminationPricingOnly or ClaimPaymentStatus.NotOurClaimForwarded)
        {
            return null;
        }

        var patientShare = PatientShare;
        if (Status == ClaimPaymentStatus.Denied || (Paid.IsZero && patientShare.IsZero))
        {
            return ClaimState.Denied;
        }

        var reduced = AllAdjustments.Any(a => a.Group is AdjustmentGroup.OtherAdjustment or AdjustmentGroup.PayerInitiatedReduction && !a.Amount.IsZero);
        return reduced ? ClaimState.PartiallyPaid : ClaimState.Paid;
    }
}

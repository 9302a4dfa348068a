using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>The payer's adjudication of one claim in a remittance (X12 CLP loop 2100 with CAS, SVC lines, MOA remarks).</summary>
public sealed record ClaimPayment
{
    /// <summary>Our CLM01, echoed in CLP01 — the key to find the claim.</summary>
    public required string PatientControlNumber { get; init; }

    public required ClaimPaymentStatus Status { get; init; }

    public required Money Charge { get; init; }

    public required Money Paid { get; init; }

    public Money? PatientResponsibility { get; init; }

    /// <summary>The payer's claim number (CLP07).</summary>
    public string? PayerClaimNumber { get; init; }

    /// <summary>The claim this payment was matched to; null until matched.</summary>
    public Guid? ClaimId { get; init; }

    /// <summary>Claim-level adjustments (CAS in 2100).</summary>
    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];

    public IReadOnlyList<ServiceLinePayment> ServiceLines { get; init; } = [];

    /// <summary>Claim-level remark codes (MOA).</summary>
    public IReadOnlyList<string> RemarkCodes { get; init; } = [];

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

        var patientShare = PatientResponsibility ?? Money.Sum(
            AllAdjustments.Where(a => a.Group == AdjustmentGroup.PatientResponsibility).Select(a => a.Amount), Charge.Currency);
        if (Status == ClaimPaymentStatus.Denied || (Paid.IsZero && patientShare.IsZero))
        {
            return ClaimState.Denied;
        }

        var reduced = AllAdjustments.Any(a => a.Group is AdjustmentGroup.OtherAdjustment or AdjustmentGroup.PayerInitiatedReduction && !a.Amount.IsZero);
        return reduced ? ClaimState.PartiallyPaid : ClaimState.Paid;
    }
}

using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>Payment for one service line (X12 SVC with its CAS, REF*6R and LQ*HE).</summary>
public sealed record ServiceLinePayment
{
    public required Money Charge { get; init; }

    public required Money Paid { get; init; }

    /// <summary>The adjudicated procedure; null when the payer sent a code outside the known systems.</summary>
    public ProcedureCode? Procedure { get; init; }

    /// <summary>The code exactly as the payer sent it ("AD:D2391").</summary>
    public string? RawProcedureCode { get; init; }

    public int? Units { get; init; }

    public DateOnly? ServiceDate { get; init; }

    /// <summary>What the payer allows for the line (AMT*B6), when sent.</summary>
    public Money? Allowed { get; init; }

    /// <summary>Our line control number echoed back (REF*6R).</summary>
    public string? LineControlNumber { get; init; }

    /// <summary>The claim line REF*6R matched, once the payment is matched to a claim.</summary>
    public int? ClaimLineNumber { get; init; }

    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];

    /// <summary>Remittance advice remark codes (RARC, LQ*HE), e.g. N130.</summary>
    public IReadOnlyList<string> RemarkCodes { get; init; } = [];

    /// <summary>The patient's share on this line: Σ PR adjustments.</summary>
    public Money PatientResponsibility => Money.Sum(Adjustments.Where(a => a.Group == AdjustmentGroup.PatientResponsibility).Select(a => a.Amount), Charge.Currency);

    /// <summary>SVC02 − Σ CAS = SVC03.</summary>
    public bool IsBalanced => Charge - Money.Sum(Adjustments.Select(a => a.Amount), Charge.Currency) == Paid;
}

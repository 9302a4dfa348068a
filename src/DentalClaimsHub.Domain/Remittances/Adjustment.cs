using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>One claim or line adjustment (X12 CAS triplet): group, CARC reason code, amount, optional quantity.</summary>
public sealed record Adjustment
{
    public Adjustment(AdjustmentGroup group, string reasonCode, Money amount, decimal? quantity = null)
    {
        if (!Enum.IsDefined(group))
        {
            throw new DomainException($"Adjustment group '{group}' is not a known value.", nameof(group));
        }

        Group = group;
        ReasonCode = Guard.Required(reasonCode, nameof(ReasonCode), 5).ToUpperInvariant();
        Amount = amount;
        Quantity = quantity;
    }

    public AdjustmentGroup Group { get; }

    /// <summary>Claim adjustment reason code (CARC): 45 fee exceeds schedule, 1 deductible, 2 co-insurance, 119 maximum met…</summary>
    public string ReasonCode { get; }

    /// <summary>Positive reduces payment; negative increases it (reversals).</summary>
    public Money Amount { get; }

    public decimal? Quantity { get; }
}

/// <summary>A provider-level adjustment (X12 PLB): not tied to a claim, e.g. interest (L6, negative) or a recoupment (WO).</summary>
public sealed record ProviderAdjustment
{
    public ProviderAdjustment(string reasonCode, Money amount, string? reference = null)
    {
        ReasonCode = Guard.Required(reasonCode, nameof(ReasonCode), 5).ToUpperInvariant();
        Amount = amount;
        Reference = Guard.Optional(reference, nameof(Reference), 50);
    }

    /// <summary>PLB03-1 reason: L6 interest, WO overpayment recovery, FB forwarding balance, CS adjustment…</summary>
    public string ReasonCode { get; }

    /// <summary>PLB03-2, often the payer claim number the adjustment relates to.</summary>
    public string? Reference { get; }

    /// <summary>Positive reduces the payment, negative increases it.</summary>
    public Money Amount { get; }
}

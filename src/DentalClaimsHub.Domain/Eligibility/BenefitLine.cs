using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>
/// One dental benefit fact as data: "in network, individual, preventive, co-insurance 0 %", "annual maximum $1,500,
/// $900 remaining", "D1110 one per 6 months". Protocol adapters map X12 EB/HSD, FHIR benefit balances and ДМС programme
/// terms onto it; nothing protocol-specific remains.
/// </summary>
public sealed record BenefitLine
{
    private readonly decimal? _percent;
    private readonly decimal? _quantity;
    private readonly Money? _remaining;
    private readonly int? _periodCount;

    public required BenefitKind Kind { get; init; }

    public BenefitCategory Category { get; init; } = BenefitCategory.DentalCare;

    public BenefitNetwork Network { get; init; } = BenefitNetwork.Unknown;

    public CoverageLevel CoverageLevel { get; init; } = CoverageLevel.Unknown;

    public BenefitPeriod Period { get; init; } = BenefitPeriod.Unknown;

    /// <summary>How many <see cref="Period"/>s form the window: 6 with <see cref="BenefitPeriod.Month"/> = "per 6 months" (HSD06).</summary>
    public int? PeriodCount
    {
        get => _periodCount;
        init => _periodCount = value is null or > 0 ? value : throw new DomainException($"Period count must be positive, got {value}.", nameof(PeriodCount));
    }

    /// <summary>The amount stated: a deductible, a maximum, a co-pay.</summary>
    public Money? Amount { get; init; }

    /// <summary>
    /// A percentage 0–100. For co-insurance it is the patient's share, as X12 EB08 defines it; adapters of payers
    /// that send the plan's share convert before filling this in.
    /// </summary>
    public decimal? Percent
    {
        get => _percent;
        init => _percent = value is null or (>= 0m and <= 100m)
            ? value
            : throw new DomainException($"Percent must be between 0 and 100, got {value}.", nameof(Percent));
    }

    /// <summary>What is left of the amount in the period.</summary>
    public Money? Remaining
    {
        get => _remaining;
        init => _remaining = value is { IsNegative: true }
            ? throw new DomainException($"Remaining must not be negative, got {value}.", nameof(Remaining))
            : value;
    }

    public decimal? Quantity
    {
        get => _quantity;
        init => _quantity = value is < 0m ? throw new DomainException($"Quantity must not be negative, got {value}.", nameof(Quantity)) : value;
    }

    public QuantityUnit? QuantityUnit { get; init; }

    /// <summary>Procedure codes the line is limited to (X12 EB13 "AD:D0120"); empty means the whole category.</summary>
    public IReadOnlyList<ProcedureCode> ProcedureCodes { get; init; } = [];

    /// <summary>Pre-authorisation required (EB11 Y).</summary>
    public bool? AuthorizationRequired { get; init; }

    /// <summary>Free text from the payer (MSG, ДМС programme wording).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The day the category becomes covered, which ends a <see cref="BenefitKind.WaitingPeriod"/> (X12 DTP*348 benefit
    /// begin or 356 eligibility begin on the benefit, later than the date asked about).
    /// </summary>
    public DateOnly? CoveredFrom { get; init; }

    /// <summary>True when the line applies to <paramref name="code"/>: it lists the code, or lists none.</summary>
    public bool AppliesTo(ProcedureCode code) => ProcedureCodes.Count == 0 || ProcedureCodes.Contains(code);

    public bool Equals(BenefitLine? other) =>
        other is not null
        && Kind == other.Kind && Category == other.Category && Network == other.Network && CoverageLevel == other.CoverageLevel
        && Period == other.Period && PeriodCount == other.PeriodCount && Amount == other.Amount && Percent == other.Percent
        && Remaining == other.Remaining && Quantity == other.Quantity && QuantityUnit == other.QuantityUnit
        && AuthorizationRequired == other.AuthorizationRequired && Note == other.Note && CoveredFrom == other.CoveredFrom
        && ProcedureCodes.SequenceEqual(other.ProcedureCodes);

    public override int GetHashCode() => HashCode.Combine(Kind, Category, Network, CoverageLevel, Period, Amount, Percent, Remaining);
}

using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>What shaped the split of a fee between payer and patient.</summary>
public enum EstimateReasonKind
{
    CoInsurance = 1,
    CoPay,
    Deductible,
    MaximumReached,
    FrequencyLimit,
    WaitingPeriod,
    NotCovered,
    Exclusion,

    /// <summary>Fee above the network's allowed amount, written off by an in-network practice.</summary>
    NetworkDiscount,

    /// <summary>ДМС franchise — the patient's fixed share of every service.</summary>
    Franchise,

    /// <summary>ДМС sum limit of the policy exhausted.</summary>
    LimitExhausted,

    /// <summary>No benefit information covered the service; the patient portion is the whole fee.</summary>
    NoBenefitInformation,
    Other,
}

/// <summary>One reason on an estimate line, with the amount it moved when known ("deductible $50").</summary>
public sealed record EstimateReason(EstimateReasonKind Kind, string? Note = null, Money? Amount = null);

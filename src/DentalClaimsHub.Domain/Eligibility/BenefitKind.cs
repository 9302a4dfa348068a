namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>What a benefit line states (X12 EB01, plus the HSD frequency and waiting periods payers send as limitations).</summary>
public enum BenefitKind
{
    /// <summary>1 — active coverage.</summary>
    ActiveCoverage = 1,

    /// <summary>6 — inactive coverage.</summary>
    InactiveCoverage,

    /// <summary>C — deductible.</summary>
    Deductible,

    /// <summary>F with an amount — annual or lifetime maximum.</summary>
    Maximum,

    /// <summary>A — co-insurance (a percent).</summary>
    CoInsurance,

    /// <summary>B — co-payment (an amount).</summary>
    CoPay,

    /// <summary>F — other limitation.</summary>
    Limitation,

    /// <summary>HSD — how often a service is covered ("1 per 6 months").</summary>
    Frequency,

    /// <summary>Time that must pass before a category is covered.</summary>
    WaitingPeriod,

    /// <summary>E — exclusion.</summary>
    Exclusion,

    /// <summary>I — non-covered.</summary>
    NonCovered,

    /// <summary>G — out-of-pocket (stop loss).</summary>
    OutOfPocket,
}

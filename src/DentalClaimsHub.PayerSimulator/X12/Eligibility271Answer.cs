namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>The kinds of 271 the simulated X12 payer gives (each a valid 005010X279A1 transaction).</summary>
public enum Eligibility271Answer
{
    /// <summary>Active dental PPO with deductibles, maximums, co-insurance per category, frequencies, co-pay and exclusions.</summary>
    Active,

    /// <summary>Coverage found but inactive (EB*6).</summary>
    Inactive,

    /// <summary>AAA*N**75*C at 2100C: subscriber not found, please correct and resubmit.</summary>
    MemberNotFound,

    /// <summary>Active with the individual deductible fully met (remaining 0).</summary>
    DeductibleMet,

    /// <summary>Active with the prophylaxis frequency (1 per 6 months) used up.</summary>
    FrequencyExhausted,

    /// <summary>Active, but crowns and prosthodontics covered only from next plan year (DTP*348 benefit begin).</summary>
    WaitingPeriod,

    /// <summary>
    /// AAA*N**42*R at 2100A: the payer cannot respond now, resubmission allowed. Nothing below the payer level is returned,
    /// so the 271 carries no trace number.
    /// </summary>
    PayerUnableToRespond,
}

namespace DentalClaimsHub.Domain.Claims;

/// <summary>Claim frequency type code (X12 CLM05-3).</summary>
public enum ClaimFrequency
{
    /// <summary>1 — original claim.</summary>
    Original = 1,

    /// <summary>7 — replacement of a prior claim.</summary>
    Replacement = 7,

    /// <summary>8 — void / cancel of a prior claim.</summary>
    Void = 8,
}

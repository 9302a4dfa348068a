namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>Overall answer of an eligibility check.</summary>
public enum CoverageStatus
{
    Unknown = 0,
    Active,
    Inactive,

    /// <summary>The payer could not find the member or rejected the request (AAA).</summary>
    NotFound,
}

namespace DentalClaimsHub.Domain.Claims;

/// <summary>What the payer is asked to do with the claim.</summary>
public enum ClaimPurpose
{
    /// <summary>Pay for services rendered.</summary>
    Claim = 0,

    /// <summary>
    /// Say in advance what it would pay for a treatment plan (837D CLM19 = PB without service dates, FHIR Claim
    /// <c>use = predetermination</c>, a ДМС guarantee-letter request). The decision lands on a pre-authorisation.
    /// </summary>
    Predetermination = 1,
}

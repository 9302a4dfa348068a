namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>Progress of an eligibility check.</summary>
public enum EligibilityCheckStatus
{
    /// <summary>Recorded, not yet sent.</summary>
    Requested = 0,

    /// <summary>Sent to the payer; waiting for the answer.</summary>
    Sent = 1,

    /// <summary>An answer arrived (which may still say "not found").</summary>
    Completed = 2,

    /// <summary>No usable answer: transport error, timeout, unreadable response.</summary>
    Failed = 3,
}

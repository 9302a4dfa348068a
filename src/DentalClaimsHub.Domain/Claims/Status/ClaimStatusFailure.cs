namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>Why a claim status inquiry produced no status.</summary>
public enum ClaimStatusFailureKind
{
    /// <summary>The payer could not be reached or refused the connection (HTTP error, open circuit, CORE error).</summary>
    Unreachable,

    /// <summary>No answer in time.</summary>
    TimedOut,

    /// <summary>The payer rejected the inquiry itself (a 999 or TA1 instead of a 277).</summary>
    Rejected,

    /// <summary>The payer answered something that cannot be read or answers another inquiry.</summary>
    Unusable,
}

/// <summary>A failed inquiry: the kind and a message safe to log and show (no patient data).</summary>
public sealed record ClaimStatusFailure(ClaimStatusFailureKind Kind, string Message);

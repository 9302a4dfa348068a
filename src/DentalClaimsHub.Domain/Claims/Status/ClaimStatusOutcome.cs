namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>What a payer's claim status means for the hub, whatever protocol carried it.</summary>
public enum ClaimStatusOutcome
{
    /// <summary>No usable status: the inquiry failed, or the payer could not answer now (X12 E1/E2); ask again later.</summary>
    Unknown,

    /// <summary>Received or accepted into adjudication, not yet decided (X12 A0, A1, A2, A5).</summary>
    Accepted,

    /// <summary>In process or waiting on information (X12 P0–P5, R0–R16).</summary>
    Pending,

    /// <summary>Adjudicated: paid, denied, forwarded or reversed (X12 F0–F4); see <see cref="ClaimStatusResult.Denied"/>.</summary>
    Finalized,

    /// <summary>The payer has no such claim (X12 A4, D0): it never arrived or was filed under other identifiers.</summary>
    NotFound,

    /// <summary>Returned as unprocessable or wrong (X12 A3, A6, A7, A8, E0, E3, E4): correct and resubmit.</summary>
    Rejected,
}

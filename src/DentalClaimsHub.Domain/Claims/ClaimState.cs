namespace DentalClaimsHub.Domain.Claims;

/// <summary>Where a claim is in its life, from draft to closed.</summary>
public enum ClaimState
{
    /// <summary>Being edited at the practice.</summary>
    Draft = 0,

    /// <summary>Passed the hub's rules; ready to queue.</summary>
    Validated = 1,

    /// <summary>Waiting in the outbox for its payer's transport.</summary>
    Queued = 2,

    /// <summary>Handed to the payer or clearinghouse.</summary>
    Submitted = 3,

    /// <summary>The interchange was acknowledged (999 / TA1 accepted).</summary>
    Acknowledged = 4,

    /// <summary>The payer accepted the claim into adjudication (277CA A1/A2).</summary>
    Accepted = 5,

    /// <summary>The payer or the acknowledgement rejected it (277CA A3/A6/A7/A8, 999 R).</summary>
    Rejected = 6,

    /// <summary>In adjudication (277 status pending).</summary>
    Pending = 7,

    /// <summary>Paid in full (835).</summary>
    Paid = 8,

    /// <summary>Paid less than expected (835).</summary>
    PartiallyPaid = 9,

    /// <summary>Denied (835 CLP02 = 4).</summary>
    Denied = 10,

    /// <summary>Finished; nothing more will happen.</summary>
    Closed = 11,

    /// <summary>Superseded by a replacement claim (frequency 7).</summary>
    Corrected = 12,

    /// <summary>Cancelled at the payer by a void claim (frequency 8).</summary>
    Voided = 13,
}

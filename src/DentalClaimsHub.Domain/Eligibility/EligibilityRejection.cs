namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>
/// Why the payer could not answer (X12 AAA): reject reason code (72 invalid member id, 73 invalid name, 75 subscriber
/// not found, 42 unable to respond…) and follow-up action (C please correct and resubmit, R resubmission allowed…).
/// </summary>
public sealed record EligibilityRejection
{
    public EligibilityRejection(string reasonCode, string? followUpAction = null, string? description = null)
    {
        ReasonCode = Guard.Required(reasonCode, nameof(ReasonCode), 10);
        FollowUpAction = Guard.Optional(followUpAction, nameof(FollowUpAction), 10);
        Description = Guard.Optional(description, nameof(Description), 500);
    }

    public string ReasonCode { get; }

    public string? FollowUpAction { get; }

    public string? Description { get; }

    /// <summary>True when the payer suggests trying again later rather than fixing the request (42, 80 / follow-up R or Y).</summary>
    public bool IsRetryable => ReasonCode is "42" or "80" || FollowUpAction is "R" or "Y";
}

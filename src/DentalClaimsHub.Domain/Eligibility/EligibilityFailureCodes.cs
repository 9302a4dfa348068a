namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>Why an eligibility check got no usable answer. A payer's "no" (inactive, member unknown) is a result, not a failure.</summary>
public static class EligibilityFailureCodes
{
    /// <summary>The payer is down, timing out or its circuit is open: ask again after the retry time.</summary>
    public const string PayerUnavailable = "payer_unavailable";

    /// <summary>The payer answered, but not usably (fault, malformed response, rejected envelope).</summary>
    public const string PayerError = "payer_error";

    /// <summary>The payer needs something the request did not give (e.g. an NPI); asking again unchanged will fail again.</summary>
    public const string RequestIncomplete = "request_incomplete";

    /// <summary>The hub itself failed (a defect, logged with the check id); the check will not complete by waiting.</summary>
    public const string HubError = "hub_error";
}

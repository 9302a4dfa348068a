namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// The hub's own English reasons for a failed eligibility check (<c>EligibilityCheck.FailureReason</c>), each stored with its
/// code (<c>FailureReasonCode</c>) that the console words per culture (<c>EligibilityReason.*</c>). Other reasons are an
/// adapter's account of the payer's answer (<c>PayerReasons</c>). Rows stored before codes existed are recognised by the sentence.
/// </summary>
public static class EligibilityFailureReasons
{
    public const string CircuitOpen = "The payer has been failing; calls to it are paused for a while.";

    public const string TooManyInFlight = "Too many requests to this payer are in flight; try again shortly.";

    public const string Unreachable = "The payer could not be reached in time.";

    public const string HubFault = "The hub could not process this check; the error has been logged.";

    /// <summary>Each reason above by its code (the console key after <c>EligibilityReason.</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CircuitOpen] = "circuit-open",
        [TooManyInFlight] = "too-many-in-flight",
        [Unreachable] = "unreachable",
        [HubFault] = "hub-fault",
    };

    /// <summary>One of the reasons above with its code, as the runner records it.</summary>
    public static EligibilityReason Coded(string sentence) => new(sentence, Keys[sentence], []);
}

using DentalClaimsHub.Adapters.Transports;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Why a check failed as the runner records it: the English the API shows (<c>EligibilityCheck.FailureReason</c>) and, when the
/// hub or the adapter coded it, the code (<see cref="EligibilityFailureReasons"/>, <see cref="PayerReasons"/>) and its values.
/// </summary>
public sealed record EligibilityReason(string English, string? Code, IReadOnlyList<string> Args)
{
    /// <summary>An adapter's account: its code and values when it gave them, else its message alone.</summary>
    public static EligibilityReason Of(string message, PayerReason? reason) =>
        reason is null ? new(message, null, []) : new(message, reason.Code, reason.Args);
}

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Why no answer could be had, stored on the check as <c>code: detail</c>. Codes: <c>payer_unavailable</c> (down,
/// timing out or circuit open: try again later), <c>payer_error</c> (answered, but not usably).
/// </summary>
public sealed record EligibilityFailure(string Code, string Detail, TimeSpan? RetryAfter)
{
    public const string PayerUnavailable = "payer_unavailable";
    public const string PayerError = "payer_error";

    public override string ToString() => $"{Code}: {Detail}";

    public static EligibilityFailure Parse(string stored)
    {
        var parts = stored.Split(": ", 2);
        return parts.Length == 2 && parts[0] is PayerUnavailable or PayerError
            ? new EligibilityFailure(parts[0], parts[1], parts[0] == PayerUnavailable ? TimeSpan.FromSeconds(30) : null)
            : new EligibilityFailure(PayerError, stored, null);
    }

    public EligibilityFailureDto ToDto() => new(Code, Detail, RetryAfter is { } after ? (int)after.TotalSeconds : null);
}

namespace DentalClaimsHub.Adapters.Transports;

/// <summary>
/// An adapter's account of an unusable payer answer as a stable code (<see cref="PayerReasons"/>) and the values it names, in
/// the order of its English template: trace numbers, status codes, and the payer's own text as given (never translated).
/// The exception's English message is the template filled with these values, so a reader can word the same account in
/// another language.
/// </summary>
public sealed record PayerReason(string Code, IReadOnlyList<string> Args)
{
    /// <summary>The account in English, as the exception's message and the API say it.</summary>
    public string English => PayerReasons.English(Code, Args);
}

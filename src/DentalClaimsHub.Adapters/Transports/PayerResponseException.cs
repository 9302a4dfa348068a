namespace DentalClaimsHub.Adapters.Transports;

/// <summary>
/// The payer answered, but the answer cannot be used: a malformed or rejected document, a fault, an answer to another
/// question. Asking again unchanged is unlikely to help, unlike a payer that cannot be reached.
/// </summary>
public sealed class PayerResponseException(string payerId, string message, Exception? inner = null) : Exception(message, inner)
{
    public string PayerId { get; } = payerId;
}

namespace DentalClaimsHub.Adapters.Transports;

/// <summary>
/// The payer answered, but the answer cannot be used: a malformed or rejected document, a fault, an answer to another
/// question. Asking again unchanged is unlikely to help, unlike a payer that cannot be reached. <see cref="Reason"/> is the
/// account as a code with its values when the adapter gave one; the message is then its English.
/// </summary>
public sealed class PayerResponseException : Exception
{
    public PayerResponseException(string payerId, string message, Exception? inner = null)
        : base(message, inner) => PayerId = payerId;

    public PayerResponseException(string payerId, PayerReason reason, Exception? inner = null)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).English, inner) =>
        (PayerId, Reason) = (payerId, reason);

    public string PayerId { get; }

    public PayerReason? Reason { get; }
}

namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>
/// The payer answered, but not with a usable payload: a SOAP fault, a CORE error code in the envelope, or a response
/// that is not a CORE envelope at all. <see cref="CoreErrorCode"/> is the payer's code when it sent one; <see cref="Reason"/>
/// the account as a code with its values (the payer first), whose English is the message.
/// </summary>
public sealed class CoreTransportException : Exception
{
    public CoreTransportException(string payerId, string? coreErrorCode, string message, Exception? inner = null)
        : base($"Payer '{payerId}': {message}", inner) => (PayerId, CoreErrorCode) = (payerId, coreErrorCode);

    public CoreTransportException(string payerId, string? coreErrorCode, PayerReason reason, Exception? inner = null)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).English, inner) =>
        (PayerId, CoreErrorCode, Reason) = (payerId, coreErrorCode, reason);

    public string PayerId { get; }

    public string? CoreErrorCode { get; }

    public PayerReason? Reason { get; }
}

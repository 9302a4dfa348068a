namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>
/// The payer answered, but not with a usable payload: a SOAP fault, a CORE error code in the envelope, or a response
/// that is not a CORE envelope at all. <see cref="CoreErrorCode"/> is the payer's code when it sent one.
/// </summary>
public sealed class CoreTransportException(string payerId, string? coreErrorCode, string message, Exception? inner = null)
    : Exception($"Payer '{payerId}': {message}", inner)
{
    public string PayerId { get; } = payerId;

    public string? CoreErrorCode { get; } = coreErrorCode;
}

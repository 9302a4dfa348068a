namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// Every outbound call to a payer goes through the one named HttpClient <see cref="ClientName"/>; the request names
/// its payer (and whether it may be retried), and the resilience handler picks that payer's own pipeline.
/// </summary>
public static class PayerHttp
{
    public const string ClientName = "payers";

    public static readonly HttpRequestOptionsKey<string> PayerKey = new("dch.payer");

    /// <summary>Only idempotent operations (inquiries) may be retried: a claim is never resent by a retry.</summary>
    public static readonly HttpRequestOptionsKey<bool> IdempotentKey = new("dch.idempotent");

    public static HttpRequestMessage ForPayer(this HttpRequestMessage request, string payerId, bool idempotent)
    {
        request.Options.Set(PayerKey, payerId);
        request.Options.Set(IdempotentKey, idempotent);
        return request;
    }

    public static string PayerOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(PayerKey, out var payer) ? payer : "unknown";

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IdempotentKey, out var idempotent) && idempotent;
}

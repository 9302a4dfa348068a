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

    /// <summary>What the call is for (one of <see cref="PayerOperations"/>): a tag on the payer latency metric and span.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationKey = new("dch.operation");

    public static HttpRequestMessage ForPayer(this HttpRequestMessage request, string payerId, bool idempotent, string? operation = null)
    {
        request.Options.Set(PayerKey, payerId);
        request.Options.Set(IdempotentKey, idempotent);
        if (operation is not null)
        {
            request.Options.Set(OperationKey, operation);
        }

        return request;
    }

    public static string OperationOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(OperationKey, out var operation) ? operation : PayerOperations.Other;

    public static string PayerOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(PayerKey, out var payer) ? payer : "unknown";

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IdempotentKey, out var idempotent) && idempotent;
}

/// <summary>The operations a payer call can be: a small fixed set, fit for metric tags.</summary>
public static class PayerOperations
{
    public const string Eligibility = "eligibility";
    public const string ClaimStatus = "claim-status";
    public const string ClaimSubmission = "claim-submission";
    public const string GuaranteeLetterRequest = "guarantee-letter-request";
    public const string Other = "other";

    /// <summary>The operation of a CAQH CORE payload type: "X12_270_Request_005010X279A1" → eligibility.</summary>
    public static string OfCorePayload(string payloadType) => payloadType switch
    {
        _ when payloadType.StartsWith("X12_270_", StringComparison.Ordinal) => Eligibility,
        _ when payloadType.StartsWith("X12_276_", StringComparison.Ordinal) => ClaimStatus,
        _ when payloadType.StartsWith("X12_837_", StringComparison.Ordinal) => ClaimSubmission,
        _ => Other,
    };
}

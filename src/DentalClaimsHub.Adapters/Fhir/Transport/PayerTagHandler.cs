using DentalClaimsHub.Adapters.Transports.Resilience;

namespace DentalClaimsHub.Adapters.Fhir.Transport;

/// <summary>
/// Names the payer (and whether the call may be retried) on every request a <c>FhirClient</c> builds, so the payer
/// HttpClient's resilience handler picks that payer's Polly pipeline. Disposing it is safe: the inner handler comes from
/// IHttpClientFactory, whose handlers ignore Dispose and are recycled by the factory.
/// </summary>
internal sealed class PayerTagHandler(string payerId, bool idempotent, string operation, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request.ForPayer(payerId, idempotent, operation), cancellationToken);
}

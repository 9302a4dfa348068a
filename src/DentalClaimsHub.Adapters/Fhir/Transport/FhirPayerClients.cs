using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;

namespace DentalClaimsHub.Adapters.Fhir.Transport;

/// <summary>
/// Creates Firely <see cref="FhirClient"/>s that talk to one payer through the shared "payers" HttpClient handler
/// chain (and so through that payer's Polly pipeline): JSON both ways, payer answers parsed leniently.
/// </summary>
public sealed class FhirPayerClients(IHttpMessageHandlerFactory handlers)
{
    /// <summary>A client for <paramref name="payer"/>'s FHIR base URL; dispose it after the exchange.</summary>
    /// <param name="payer">The payer profile; its <c>fhir.baseUrl</c> must be set.</param>
    /// <param name="idempotent">Whether the pipeline may retry the requests (true for inquiries, never for claims).</param>
    /// <param name="operation">What the exchange is for (<see cref="PayerOperations"/>), for the payer call metrics.</param>
    /// <param name="recorder">
    /// When given, keeps the raw bodies of every exchange (an unused recorder: the client takes it over and disposes it).
    /// </param>
    public FhirClient Create(PayerProfile payer, bool idempotent, string operation, FhirExchangeRecorder? recorder = null)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var baseUrl = payer.Fhir?.BaseUrl
            ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no fhir.baseUrl.");
        HttpMessageHandler handler = new PayerTagHandler(payer.Id, idempotent, operation, handlers.CreateHandler(PayerHttp.ClientName));
        if (recorder is not null)
        {
            recorder.InnerHandler = handler;
            handler = recorder;
        }

        // Time-outs are the pipeline's: the HttpClient itself never gives up first.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new FhirClient(WithTrailingSlash(baseUrl), http, Settings());
    }

    private static FhirClientSettings Settings() => new()
    {
        PreferredFormat = ResourceFormat.Json,
        UseFormatParameter = false,
        VerifyFhirVersion = false,
        SerializationEngine = FhirSerializationEngineFactory.Recoverable(ModelInfo.ModelInspector),
    };

    // A base URL without a trailing slash would lose its last segment when relative URIs are resolved against it.
    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}

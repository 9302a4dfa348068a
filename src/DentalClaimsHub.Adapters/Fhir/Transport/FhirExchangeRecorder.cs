using System.Net;

namespace DentalClaimsHub.Adapters.Fhir.Transport;

/// <summary>One HTTP exchange a <c>FhirClient</c> made, with the bodies as they crossed the wire.</summary>
/// <param name="Method">GET, POST…</param>
/// <param name="Uri">The address asked.</param>
/// <param name="RequestBody">What was sent; empty for a read.</param>
/// <param name="Status">The payer's HTTP status, or null when no answer came (timeout, connection failure).</param>
/// <param name="ResponseBody">What the payer answered; empty when nothing (or nothing yet).</param>
public sealed record FhirExchange(HttpMethod Method, Uri? Uri, byte[] RequestBody, HttpStatusCode? Status, byte[] ResponseBody);

/// <summary>
/// Keeps the raw bodies of the requests a <c>FhirClient</c> sends and the answers it gets, for the message log (the SDK
/// hands back parsed resources only). It sits outside the payer's resilience pipeline, so a retried request is one exchange,
/// holding the answer that counted. Not shared between exchanges of different inquiries.
/// </summary>
public sealed class FhirExchangeRecorder : DelegatingHandler
{
    private readonly List<FhirExchange> _exchanges = [];

    /// <summary>The exchanges so far, oldest first.</summary>
    public IReadOnlyList<FhirExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var exchange = new FhirExchange(request.Method, request.RequestUri, sent, null, []);
        var index = Add(exchange);
        var response = await base.SendAsync(request, cancellationToken);

        // Buffered, so the SDK still reads the body after us.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var answered = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Replace(index, exchange with { Status = response.StatusCode, ResponseBody = answered });
        return response;
    }

    private int Add(FhirExchange exchange)
    {
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
            return _exchanges.Count - 1;
        }
    }

    private void Replace(int index, FhirExchange after)
    {
        lock (_exchanges)
        {
            _exchanges[index] = after;
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Polly.CircuitBreaker;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>A payer's HTTP health as the hub last saw it: its circuit breaker's state and its last good and bad exchange.</summary>
/// <param name="LastFailureReason">An HTTP status or an exception type — never a message body or a payload.</param>
public sealed record PayerCircuitSnapshot(string PayerId, CircuitState? State, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt,
    string? LastFailureReason);

/// <summary>
/// Read-only view of each payer pipeline's circuit breaker (through Polly's state provider) and of the outcome of each
/// HTTP exchange with the payer, for the admin console. Process-local: it starts empty when the hub starts.
/// </summary>
public sealed class PayerCircuits(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _breakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Outcomes> _outcomes = new(StringComparer.Ordinal);

    public PayerCircuitSnapshot Snapshot(string payerId)
    {
        var state = _breakers.TryGetValue(payerId, out var breaker) ? breaker.CircuitState : (CircuitState?)null;
        var seen = _outcomes.TryGetValue(payerId, out var o) ? o : null;
        return new PayerCircuitSnapshot(payerId, state, seen?.LastSuccessAt, seen?.LastFailureAt, seen?.LastFailureReason);
    }

    // A pipeline is built once per payer (and again if its options reload): the newest breaker is the one in use.
    internal CircuitBreakerStateProvider BreakerFor(string payerId) => _breakers[payerId] = new CircuitBreakerStateProvider();

    internal void Succeeded(string payerId) => _outcomes.GetOrAdd(payerId, _ => new Outcomes()).LastSuccessAt = time.GetUtcNow();

    internal void Failed(string payerId, string reason)
    {
        var outcomes = _outcomes.GetOrAdd(payerId, _ => new Outcomes());
        outcomes.LastFailureReason = reason;
        outcomes.LastFailureAt = time.GetUtcNow();
    }

    private sealed class Outcomes
    {
        public DateTimeOffset? LastSuccessAt { get; set; }

        public DateTimeOffset? LastFailureAt { get; set; }

        public string? LastFailureReason { get; set; }
    }
}

/// <summary>Outermost handler of the payer client: records each exchange's outcome (after retries) in <see cref="PayerCircuits"/>.</summary>
internal sealed class PayerOutcomeHandler(PayerCircuits circuits) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var payer = PayerHttp.PayerOf(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                circuits.Failed(payer, $"HTTP {(int)response.StatusCode}");
            }
            else
            {
                circuits.Succeeded(payer);
            }

            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            circuits.Failed(payer, e.GetType().Name);
            throw;
        }
    }
}

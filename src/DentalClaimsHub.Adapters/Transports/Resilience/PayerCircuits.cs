using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>A payer's HTTP health as the hub last saw it: its circuit breaker's state and its last good and bad exchange.</summary>
/// <param name="LastFailureReason">An HTTP status or an exception type — never a message body or a payload.</param>
public sealed record PayerCircuitSnapshot(string PayerId, CircuitState? State, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt,
    string? LastFailureReason)
{
    /// <summary>The code of <see cref="LastFailureReason"/> (<see cref="PayerFailures"/>); null when none.</summary>
    public string? LastFailureCode { get; init; }

    public IReadOnlyList<string> LastFailureArgs { get; init; } = [];
}

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
        var failure = seen?.LastFailure;
        return new PayerCircuitSnapshot(payerId, state, seen?.LastSuccessAt, seen?.LastFailureAt, failure?.Text)
        {
            LastFailureCode = failure?.Code,
            LastFailureArgs = failure?.Args ?? [],
        };
    }

    // A pipeline is built once per payer (and again if its options reload): the newest breaker is the one in use.
    internal CircuitBreakerStateProvider BreakerFor(string payerId) => _breakers[payerId] = new CircuitBreakerStateProvider();

    internal void Succeeded(string payerId) => _outcomes.GetOrAdd(payerId, _ => new Outcomes()).LastSuccessAt = time.GetUtcNow();

    internal void Failed(string payerId, PayerFailure failure)
    {
        var outcomes = _outcomes.GetOrAdd(payerId, _ => new Outcomes());
        outcomes.LastFailure = failure;
        outcomes.LastFailureAt = time.GetUtcNow();
    }

    private sealed class Outcomes
    {
        public DateTimeOffset? LastSuccessAt { get; set; }

        public DateTimeOffset? LastFailureAt { get; set; }

        public PayerFailure? LastFailure { get; set; }
    }
}

/// <summary>
/// Outermost handler of the payer client: records each exchange's outcome (after retries) in <see cref="PayerCircuits"/>,
/// and traces and times it in <see cref="PayerTelemetry"/> and in the calling work's <see cref="PayerWaits"/>.
/// </summary>
internal sealed class PayerOutcomeHandler(PayerCircuits circuits, PayerTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var payer = PayerHttp.PayerOf(request);
        var operation = PayerHttp.OperationOf(request);
        using var activity = PayerTelemetry.Source.StartActivity("payer " + operation);
        activity?.SetTag("payer.id", payer);
        activity?.SetTag("payer.operation", operation);
        var waits = PayerWaits.Ambient;
        waits?.CallStarted();
        var started = Stopwatch.GetTimestamp();
        var outcome = PayerTelemetry.Outcomes.Error;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            outcome = (int)response.StatusCode switch
            {
                >= 500 => PayerTelemetry.Outcomes.ServerError,
                >= 400 => PayerTelemetry.Outcomes.ClientError,
                _ => PayerTelemetry.Outcomes.Success,
            };
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (response.StatusCode >= HttpStatusCode.InternalServerError || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                circuits.Failed(payer, PayerFailures.Of(response.StatusCode));
                activity?.SetStatus(ActivityStatusCode.Error, $"HTTP {(int)response.StatusCode}");
            }
            else
            {
                circuits.Succeeded(payer);
            }

            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome(e);
            circuits.Failed(payer, PayerFailures.Of(e));
            // The type only: a message may quote the payer's answer.
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = PayerTelemetry.Outcomes.Canceled;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            activity?.SetTag("dch.payer.outcome", outcome);
            telemetry.RecordCall(payer, operation, outcome, elapsed);
            waits?.CallEnded(elapsed);
        }
    }

    private static string Outcome(Exception e) => e switch
    {
        BrokenCircuitException => PayerTelemetry.Outcomes.CircuitOpen,
        TimeoutRejectedException or TimeoutException or OperationCanceledException => PayerTelemetry.Outcomes.Timeout,
        RateLimiterRejectedException => PayerTelemetry.Outcomes.Rejected,
        HttpRequestException => PayerTelemetry.Outcomes.TransportError,
        _ => PayerTelemetry.Outcomes.Error,
    };
}

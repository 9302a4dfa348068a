using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// Traces and metrics of the calls the hub makes to payers: a span per call (around the payer's whole Polly pipeline, so
/// retries show as its HTTP children), <c>dch.payer.request.duration</c> per payer, operation and outcome, and
/// <c>dch.payer.circuit.state</c> per payer from the circuit breaker's callbacks (0 closed, 1 half-open, 2 open).
/// Tags are the payer's id, the operation and the outcome — never anything from the message.
/// </summary>
public sealed class PayerTelemetry
{
    /// <summary>The hub's meter (the storage project's HubDiagnostics.MeterName; the adapters do not reference it).</summary>
    public const string MeterName = "DentalClaimsHub";

    public static readonly ActivitySource Source = new("DentalClaimsHub.Payers");

    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, int> _circuits = new(StringComparer.Ordinal);

    public PayerTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("dch.payer.request.duration", "s",
            "Duration of calls to payers, through the payer's resilience pipeline (retries included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        meter.CreateObservableGauge("dch.payer.circuit.state", ObserveCircuits, "{state}",
            "Circuit breaker of each payer's pipeline: 0 closed, 1 half-open, 2 open.");
    }

    /// <summary>Outcome tag values of <c>dch.payer.request.duration</c>.</summary>
    public static class Outcomes
    {
        public const string Success = "success";
        public const string ClientError = "client_error";
        public const string ServerError = "server_error";
        public const string Timeout = "timeout";
        public const string CircuitOpen = "circuit_open";
        public const string Rejected = "rejected";
        public const string TransportError = "transport_error";
        public const string Canceled = "canceled";
        public const string Error = "error";
    }

    /// <summary>What the gauge reads for <paramref name="payerId"/>, if its pipeline was built.</summary>
    public int? CircuitState(string payerId) => _circuits.TryGetValue(payerId, out var state) ? state : null;

    internal void RecordCall(string payerId, string operation, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("payer.id", payerId),
            new KeyValuePair<string, object?>("payer.operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    internal void CircuitChanged(string payerId, CircuitState state) => _circuits[payerId] = state switch
    {
        Polly.CircuitBreaker.CircuitState.Closed => 0,
        Polly.CircuitBreaker.CircuitState.HalfOpen => 1,
        _ => 2, // open, or isolated by hand
    };

    private IEnumerable<Measurement<int>> ObserveCircuits() =>
        [.. _circuits.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("payer.id", c.Key)))];
}

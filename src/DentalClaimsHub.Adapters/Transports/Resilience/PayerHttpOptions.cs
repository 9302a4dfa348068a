namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>How the payer HttpClient's connection handler is set up.</summary>
public sealed class PayerHttpOptions
{
    /// <summary>
    /// Whether payer calls carry the W3C trace context (<c>traceparent</c>). On when the host records traces; with tracing
    /// off the HTTP stack's diagnostics layer is left out of every payer call (an activity, its tags and an async frame
    /// held for each call in flight) and the payer gets no trace id that leads nowhere.
    /// </summary>
    public bool PropagateTraceContext { get; set; } = true;
}

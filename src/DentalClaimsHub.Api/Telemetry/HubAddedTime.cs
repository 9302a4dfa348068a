using System.Diagnostics;
using System.Diagnostics.Metrics;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Storage.Telemetry;

namespace DentalClaimsHub.Api.Telemetry;

/// <summary>
/// <c>dch.hub.added.duration</c>: what an API request that called payers spent in the hub itself — its whole time in the
/// pipeline less its payer calls' (<see cref="PayerWaits"/>), per route. It is the latency the hub adds on top of the
/// payers, measured where the hub can see it, without the client's and the network's share. A request that called no payer
/// is not recorded (its whole time is the hub's, in <c>http.server.request.duration</c>), and neither is one answered while
/// its payer call was still running (a 202 past the eligibility deadline).
/// </summary>
public sealed class HubAddedTime
{
    private readonly Histogram<double> _added;

    public HubAddedTime(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _added = meters.Create(HubDiagnostics.MeterName).CreateHistogram("dch.hub.added.duration", "s",
            "Time an API request that called payers spent in the hub: its duration less its payer calls'.",
            advice: new InstrumentAdvice<double>
            {
                // Fine steps up to tens of milliseconds: the target is a few milliseconds at p99 (issue 4).
                HistogramBucketBoundaries =
                    [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
            });
    }

    /// <summary>Times the rest of the pipeline; put it first, so the hub's whole share is counted.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var waits = PayerWaits.Begin();
        await next(context);
        if (waits.Settled is { } waited)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            _added.Record(Math.Max(0, (Stopwatch.GetElapsedTime(started) - waited).TotalSeconds),
                new KeyValuePair<string, object?>("http.request.method", context.Request.Method),
                new KeyValuePair<string, object?>("http.route", route));
        }
    }
}

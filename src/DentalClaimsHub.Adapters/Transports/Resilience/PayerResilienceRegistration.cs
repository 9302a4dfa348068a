using System.Diagnostics;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

public static class PayerResilienceRegistration
{
    /// <summary>
    /// The payer HttpClient with one Polly pipeline per payer, configured from its profile: concurrency limit, retry
    /// with jitter on transport errors, timeouts and 5xx (idempotent requests only), circuit breaker, per-attempt timeout.
    /// </summary>
    public static IServiceCollection AddPayerTransports(this IServiceCollection services)
    {
        services.TryAddSingleton<PayerCircuits>();
        services.AddMetrics();
        services.TryAddSingleton<PayerTelemetry>();
        services.AddTransient<PayerOutcomeHandler>();
        services.AddTransient<SocketErrorHandler>();
        // Without the factory's default logging handlers: their per-request log scope cost every payer call allocations and a
        // change of the logging context, for lines below the hub's log level; payer calls have their own metrics and traces.
        var payerClient = services.AddHttpClient(PayerHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => PrimaryHandler(provider.GetRequiredService<IOptions<PayerHttpOptions>>().Value))
            .AddHttpMessageHandler<PayerOutcomeHandler>();
        payerClient.AddResilienceHandler("payer", (pipeline, context) =>
            {
                var payerId = context.InstanceName;
                var profile = context.ServiceProvider.GetRequiredService<PayerProfileCatalog>().Find(payerId);
                var telemetry = context.ServiceProvider.GetRequiredService<PayerTelemetry>();
                telemetry.CircuitChanged(payerId, CircuitState.Closed); // a new pipeline starts with a closed breaker
                Configure(pipeline, profile?.Resilience ?? ResilienceSettings.Default,
                    context.ServiceProvider.GetRequiredService<PayerCircuits>().BreakerFor(payerId),
                    state => telemetry.CircuitChanged(payerId, state));
            })
            .SelectPipelineBy(_ => PayerHttp.PayerOf);
        payerClient.AddHttpMessageHandler<SocketErrorHandler>(); // innermost: sees each attempt, before the pipeline judges it
        services.TryAddSingleton<PayerSecrets>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CaqhCoreTransport>();
        return services;
    }

    // A payer's redirect is not followed: the request (PHI, a claim) goes to the address its profile names or nowhere, and a
    // 3xx is a failed call like any other status that is not a success.
    private static SocketsHttpHandler PrimaryHandler(PayerHttpOptions options) => new()
    {
        AllowAutoRedirect = false,
        ActivityHeadersPropagator = options.PropagateTraceContext ? DistributedContextPropagator.Current : null,
    };

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceSettings settings,
        CircuitBreakerStateProvider? breakerState = null, Action<CircuitState>? breakerChanged = null)
    {
        pipeline.AddConcurrencyLimiter(settings.MaxConcurrency, settings.QueueLimit);
        if (settings.RetryCount > 0)
        {
            pipeline.AddRetry(PayerRetry.OptionsFor(settings));
        }

        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.BreakerFailureRatio,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = settings.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(PayerRetry.IsTransient(args.Outcome)),
            StateProvider = breakerState,
            OnOpened = _ => Changed(breakerChanged, CircuitState.Open),
            OnHalfOpened = _ => Changed(breakerChanged, CircuitState.HalfOpen),
            OnClosed = _ => Changed(breakerChanged, CircuitState.Closed),
        });
        pipeline.AddTimeout(settings.Timeout);
    }

    private static ValueTask Changed(Action<CircuitState>? breakerChanged, CircuitState state)
    {
        breakerChanged?.Invoke(state);
        return ValueTask.CompletedTask;
    }
}

using System.Net;
using DentalClaimsHub.Adapters.Profiles;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// Which payer failures are worth another attempt, and how the retry waits: exponential back-off from 200 ms, jittered
/// (unless the profile turns jitter off) so a payer coming back is not hit by every hub's retries at the same instant.
/// </summary>
public static class PayerRetry
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The retry of a payer's pipeline; only idempotent requests (inquiries) are retried.</summary>
    public static RetryStrategyOptions<HttpResponseMessage> OptionsFor(ResilienceSettings settings) => new()
    {
        MaxRetryAttempts = settings.RetryCount,
        UseJitter = settings.RetryJitter,
        BackoffType = DelayBackoffType.Exponential,
        Delay = FirstDelay,
        ShouldHandle = args => ValueTask.FromResult(PayerHttp.IsIdempotent(args.Context.GetRequestMessage()) && IsTransient(args.Outcome)),
    };

    /// <summary>
    /// Transport errors (refused, reset, empty answer), an attempt past its timeout, and 5xx: the payer's side failed.
    /// Any 4xx is the payer's answer to this very request and stays one: 408 too (a request the hub sent whole, from
    /// memory, is not sent faster a second time), and 429, whose Retry-After a 200 ms retry would ignore. The circuit
    /// breaker counts the same failures.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode >= HttpStatusCode.InternalServerError,
        _ => false,
    };
}

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The payer's outbound call pipeline: timeout, retry, circuit breaker, concurrency limit.</summary>
public sealed record ResilienceSettings
{
    /// <summary>Defaults used when a profile has no <c>resilience</c> section.</summary>
    public static ResilienceSettings Default { get; } = new();

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (idempotent operations only).</summary>
    public int RetryCount { get; init; } = 3;

    /// <summary>Whether retry delays are jittered.</summary>
    public bool RetryJitter { get; init; } = true;

    /// <summary>Failure ratio (0–1] over the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>How long the circuit stays open.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Maximum concurrent calls to this payer.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Calls allowed to wait for a free slot beyond <see cref="MaxConcurrency"/>; further calls are refused at once
    /// (<c>payer_unavailable</c>). Null: four per slot.
    /// </summary>
    public int? MaxQueued { get; init; }

    /// <summary>The queue length in effect.</summary>
    public int QueueLimit => MaxQueued ?? MaxConcurrency * 4;
}

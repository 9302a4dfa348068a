namespace DentalClaimsHub.X12.Tests.Acknowledgements;

/// <summary>A clock that always reads the same instant, so generated envelopes are stable.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-03-15 10:35 UTC, the day the samples were "sent".</summary>
    public static FixedTimeProvider SampleDay { get; } = new(new DateTimeOffset(2026, 3, 15, 10, 35, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

namespace DentalClaimsHub.X12.Tests.Writing;

/// <summary>A clock stopped at one instant, for deterministic envelope dates.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider Default { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

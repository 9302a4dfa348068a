namespace DentalClaimsHub.Adapters.Tests.Fhir.Claims;

/// <summary>A clock stopped at one instant, so bundles built in tests carry a known timestamp.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

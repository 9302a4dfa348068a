namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>Which protocol and transport a payer uses for one capability.</summary>
/// <param name="Capability">The business exchange.</param>
/// <param name="Protocol">The message format.</param>
/// <param name="Transport">The way the messages travel.</param>
public sealed record CapabilityRoute(PayerCapability Capability, PayerProtocol Protocol, PayerTransport Transport);

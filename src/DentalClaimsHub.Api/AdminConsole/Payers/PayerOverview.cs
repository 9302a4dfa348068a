using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;

namespace DentalClaimsHub.Api.AdminConsole.Payers;

/// <summary>One payer as the console lists it: its profile's protocol and capabilities with its HTTP health.</summary>
public sealed record PayerRow(string Id, string DisplayName, string Country, PayerKind Kind, IReadOnlyList<CapabilityRoute> Capabilities,
    PayerCircuitSnapshot Health);

/// <summary>Every payer profile with its circuit state and last success and failure (as this hub process has seen them).</summary>
public sealed class PayerOverview(PayerProfileCatalog payers, PayerCircuits circuits)
{
    public IReadOnlyList<PayerRow> Load() => payers.Profiles
        .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
        .Select(p => new PayerRow(p.Id, p.DisplayName, p.Country, p.Kind, p.Capabilities.Values.OrderBy(c => c.Capability).ToList(), circuits.Snapshot(p.Id)))
        .ToList();
}

using DentalClaimsHub.Adapters.Fhir.ClaimStatus;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.ClaimStatus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Adapters.Claims.Status;

public static class ClaimStatusAdapterRegistration
{
    /// <summary>
    /// The claim status adapter of every protocol that has one (X12 276/277, FHIR status Task). Registered through factories,
    /// so a host that never asks for status (a load tool, a test host) need not provide the control number allocator, message
    /// logs and schemas the adapters use; a host that polls registers those as it does for eligibility.
    /// </summary>
    public static IServiceCollection AddClaimStatusAdapters(this IServiceCollection services)
    {
        // Scoped: it records the 276 and 277 in the unit of work of the poll it serves.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IClaimStatusAdapter, X12ClaimStatusAdapter>(
            sp => ActivatorUtilities.CreateInstance<X12ClaimStatusAdapter>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IClaimStatusAdapter, FhirClaimStatusAdapter>(
            sp => ActivatorUtilities.CreateInstance<FhirClaimStatusAdapter>(sp)));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ClaimStatus277Reader>(sp));
        return services;
    }

    /// <summary>The adapter for the protocol the payer's profile names for claim status, or null when it names none we speak.</summary>
    public static IClaimStatusAdapter? For(this IEnumerable<IClaimStatusAdapter> adapters, PayerProfile payer) =>
        payer.RouteFor(PayerCapability.ClaimStatus) is { } route ? adapters.FirstOrDefault(a => a.Protocol == route.Protocol) : null;
}

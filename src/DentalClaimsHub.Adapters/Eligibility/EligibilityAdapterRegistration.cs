using DentalClaimsHub.Adapters.Dms.Eligibility;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.Eligibility;

public static class EligibilityAdapterRegistration
{
    /// <summary>The eligibility adapter of every protocol the hub speaks.</summary>
    public static IServiceCollection AddEligibilityAdapters(this IServiceCollection services)
    {
        services.AddSingleton<IEligibilityAdapter, DmsEligibilityAdapter>();
        // Scoped: it records the interchanges in the unit of work of the check it serves.
        services.AddScoped<IEligibilityAdapter, X12EligibilityAdapter>();
        services.AddSingleton<Eligibility271Reader>();
        services.AddSingleton<IEligibilityAdapter, FhirEligibilityAdapter>();
        return services;
    }

    /// <summary>The adapter for the protocol the payer's profile names for eligibility, or null when it names none we speak.</summary>
    public static IEligibilityAdapter? For(this IEnumerable<IEligibilityAdapter> adapters, PayerProfile payer) =>
        payer.RouteFor(PayerCapability.Eligibility) is { } route ? adapters.FirstOrDefault(a => a.Protocol == route.Protocol) : null;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Adapters.Claims;

public static class ClaimProtocolRegistration
{
    /// <summary>The protocols claims can be sent in; the delivery service picks one by the payer's route.</summary>
    public static IServiceCollection AddClaimProtocols(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClaimProtocol, FhirClaimProtocol>());
        return services;
    }
}

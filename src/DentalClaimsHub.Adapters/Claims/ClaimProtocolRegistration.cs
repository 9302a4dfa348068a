using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Adapters.Claims;

public static class ClaimProtocolRegistration
{
    /// <summary>The protocols claims can be sent in; the delivery service picks one by the payer's route.</summary>
    public static IServiceCollection AddClaimProtocols(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClaimProtocol, FhirClaimProtocol>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClaimProtocol, DmsClaimProtocol>(sp => new DmsClaimProtocol(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<DmsMailOptions>(),
            sp.GetService<Dms.Mappings.DmsMappingCatalog>(), () => sp.GetService<Dms.Reference.DmsReference>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClaimProtocol, X12ClaimProtocol>(sp => new X12ClaimProtocol(
            sp.GetRequiredService<X12.ControlNumbers.IControlNumberAllocator>(), sp.GetRequiredService<Transports.CaqhCore.CaqhCoreTransport>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<X12.Claims.Claim837Submitter>(), sp.GetRequiredService<Transports.SftpUpload>())));
        services.TryAddSingleton(sp => new Transports.SftpUpload(sp.GetRequiredService<Profiles.PayerSecrets>()));
        return services;
    }
}

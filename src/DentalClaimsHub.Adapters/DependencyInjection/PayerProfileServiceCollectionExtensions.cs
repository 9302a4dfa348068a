using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Adapters.DependencyInjection;

/// <summary>Registers the payer profile catalog.</summary>
public static class PayerProfileServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PayerProfileCatalog"/> as a singleton read from <c>{Hub:MappingsPath}/payers</c> (default: the
    /// nearest <c>mappings/</c> folder above the application) with placeholders from <c>Hub:Variables</c>, and a hosted
    /// service that loads it when the host starts, so an invalid profile stops start-up with every error listed; also
    /// registers <see cref="PayerSecrets"/> to resolve the credentials profiles reference by name, and the claim status
    /// adapters (<see cref="Claims.Status.ClaimStatusAdapterRegistration.AddClaimStatusAdapters"/>).
    /// </summary>
    public static IServiceCollection AddPayerProfiles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ =>
        {
            var mappings = MappingsLocator.Resolve(configuration["Hub:MappingsPath"]);
            var variables = configuration.GetSection("Hub:Variables").GetChildren()
                .Where(child => child.Value is not null)
                .ToDictionary(child => child.Key, child => child.Value!, StringComparer.Ordinal);
            return PayerProfileCatalog.LoadOrThrow(Path.Combine(mappings, "payers"), variables);
        });
        services.TryAddSingleton(_ => new PayerSecrets(configuration));
        services.TryAddSingleton(_ => Codes.X12CodeDescriptions.LoadDefault());
        services.AddClaimStatusAdapters();
        services.AddHostedService<PayerProfileStartupCheck>();
        return services;
    }
}

using DentalClaimsHub.Adapters.Dms.Mappings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.DependencyInjection;

public static class DmsMappingRegistration
{
    /// <summary>
    /// The ДМС insurer mappings from <c>mappings/dms</c> beside <c>mappings/payers</c> (<c>Hub:MappingsPath</c>). A mapping with
    /// errors stops the start, listing every error with file, line and field; no folder means no ДМС file layouts.
    /// </summary>
    public static IServiceCollection AddDmsMappings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var directory = Path.Combine(MappingsLocator.Resolve(configuration["Hub:MappingsPath"]), "dms");
            if (!Directory.Exists(directory))
            {
                return new DmsMappingCatalog([]);
            }

            var (catalog, errors) = DmsMappingCatalog.Load(directory);
            return errors.Count == 0
                ? catalog
                : throw new InvalidOperationException($"mappings/dms has errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        });
        return services;
    }
}

using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Reference;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.Dms.Registries;

public static class DmsRegistryRegistration
{
    /// <summary>
    /// ДМС registries: the insurer layouts from <c>mappings/dms</c>, the 804н and МКБ-10 reference (<c>Hub:DmsReferencePath</c>,
    /// else the nearest <c>schemas/dms</c> above the application, read on first use) and the generator.
    /// </summary>
    public static WebApplicationBuilder AddDmsRegistries(this WebApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(DmsMappingCatalog)))
        {
            builder.Services.AddDmsMappings(builder.Configuration);
        }

        builder.Services.TryAddSingleton(_ => builder.Configuration["Hub:DmsReferencePath"] is { Length: > 0 } path
            ? new DmsReference(Path.GetFullPath(path))
            : DmsReference.LoadDefault());
        builder.Services.AddScoped<DmsRegistryGenerator>();
        return builder;
    }
}

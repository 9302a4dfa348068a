using DentalClaimsHub.Adapters.Dms.Registries;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

public sealed partial record DmsMapping
{
    /// <summary>The monthly registry of services (счёт-реестр) the clinic sends; null when the mapping has no layout for it.</summary>
    public DmsRegistryLayout? Registry { get; init; }
}
